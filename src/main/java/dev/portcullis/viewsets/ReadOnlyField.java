package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * DRF's {@code ReadOnlyField}: the attribute's value as it is, such as the primary key or
 * {@code source="owner.username"}.
 */
public final class ReadOnlyField extends Field<ReadOnlyField> {

    ReadOnlyField(String name) {
        super(name);
        readOnly();
    }

    @Override
    List<Class<?>> javaTypes() {
        return List.of(String.class, Long.class, long.class, Integer.class, int.class, Boolean.class, boolean.class,
                BigDecimal.class, OffsetDateTime.class);
    }

    @Override
    Object toInternalValue(JsonNode data) {
        throw new IllegalStateException("a read-only field is never written");
    }

    @Override
    JsonNode toRepresentation(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value instanceof Long number) {
            return json.numberNode(number);
        }
        if (value instanceof Integer number) {
            return json.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return json.booleanNode(flag);
        }
        if (value instanceof OffsetDateTime time) {
            return json.textNode(DateTimeField.isoFormat(time));
        }
        return json.textNode(value.toString());
    }
}
