package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portcullis.security.core.ApiException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A cursor's position: the ordering field's value as Python's {@code str()} writes it ({@code 42},
 * {@code 2026-11-30 12:00:00.123456+00:00}), and read back into the attribute's type. A position that does not
 * read is no cursor of this list: 404 "Invalid cursor" (where DRF would fail with a 500).
 */
final class Positions {

    private static final ApiException INVALID = new ApiException(404, "Invalid cursor", "not_found");

    private Positions() {
    }

    static String format(Object value) {
        if (value instanceof OffsetDateTime time) {
            return DateTimeField.isoFormat(time).replace('T', ' ').replace("Z", "+00:00");
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        return String.valueOf(value);
    }

    static Object parse(String position, Class<?> type) {
        try {
            if (type == Long.class || type == long.class) {
                return PythonText.parseInt(position).orElseThrow(() -> INVALID).longValueExact();
            }
            if (type == Integer.class || type == int.class) {
                return PythonText.parseInt(position).orElseThrow(() -> INVALID).intValueExact();
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(PythonText.strip(position));
            }
            if (type == OffsetDateTime.class) {
                return ((OffsetDateTime) Fields.dateTime("position").toInternalValue(
                        JsonNodeFactory.instance.textNode(position))).withOffsetSameInstant(ZoneOffset.UTC);
            }
            if (type == Boolean.class || type == boolean.class) {
                return Fields.bool("position").toInternalValue(JsonNodeFactory.instance.textNode(position));
            }
            return position;
        } catch (ArithmeticException | NumberFormatException | Field.Invalid e) {
            throw INVALID;
        }
    }
}
