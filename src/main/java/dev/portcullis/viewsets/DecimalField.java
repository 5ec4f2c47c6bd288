package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DRF's {@code DecimalField(max_digits, decimal_places)}: a number, or a string of one, within the digits the
 * column holds; shown as a string with exactly {@code decimal_places} places ({@code "12.50"}), as DRF does.
 */
public final class DecimalField extends Field<DecimalField> {

    /** What Python's {@code Decimal()} reads, without NaN and infinities, which DRF refuses. */
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");
    private static final String INVALID = "A valid number is required.";

    private final int maxDigits;
    private final int decimalPlaces;

    DecimalField(String name, int maxDigits, int decimalPlaces) {
        super(name);
        if (maxDigits < 1 || decimalPlaces < 0 || decimalPlaces > maxDigits) {
            throw new IllegalArgumentException("decimal field '" + name + "': max digits " + maxDigits
                    + " and decimal places " + decimalPlaces + " do not make a number");
        }
        this.maxDigits = maxDigits;
        this.decimalPlaces = decimalPlaces;
    }

    /** drf-spectacular's: a string of at most the declared digits before and after the point. */
    @Override
    protected Schema schema() {
        return Schemas.text("decimal").pattern("^-?\\d{0," + (maxDigits - decimalPlaces) + "}(?:\\.\\d{0,"
                + decimalPlaces + "})?$");
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(BigDecimal.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        String text = data.isNumber() ? pythonStr(data) : data.isTextual() ? PythonText.strip(data.textValue()) : null;
        if (text != null && text.length() > 1000) {
            throw new Invalid("String value too large.");
        }
        if (text == null || !NUMBER.matcher(text).matches()) {
            throw new Invalid(INVALID);
        }
        BigDecimal value = new BigDecimal(text.replace("_", ""));
        int places = Math.max(0, value.scale());
        int digits = value.scale() >= 0 ? Math.max(value.precision(), value.scale())
                : value.precision() - value.scale();
        if (digits > maxDigits) {
            throw new Invalid("Ensure that there are no more than " + maxDigits + " digits in total.");
        }
        if (places > decimalPlaces) {
            throw new Invalid("Ensure that there are no more than " + decimalPlaces + " decimal places.");
        }
        if (digits - places > maxDigits - decimalPlaces) {
            throw new Invalid("Ensure that there are no more than " + (maxDigits - decimalPlaces)
                    + " digits before the decimal point.");
        }
        return value.setScale(decimalPlaces, RoundingMode.HALF_EVEN);
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        writeText(json, ((BigDecimal) value).setScale(decimalPlaces, RoundingMode.HALF_EVEN).toPlainString());
    }
}
