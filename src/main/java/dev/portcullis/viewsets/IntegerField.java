package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** DRF's {@code IntegerField}: an integer, or a string or whole float of one; bounded by the attribute's type. */
public final class IntegerField extends Field<IntegerField> {

    /** DRF's {@code re_decimal}: "3.0" and "3.00 " are 3. */
    private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.0*\\s*$");

    private Long minValue;
    private Long maxValue;
    private long columnMax = Long.MAX_VALUE;

    IntegerField(String name) {
        super(name);
    }

    public IntegerField minValue(long value) {
        minValue = value;
        return this;
    }

    public IntegerField maxValue(long value) {
        maxValue = value;
        return this;
    }

    @Override
    protected Schema schema() {
        boolean narrow = columnMax == Integer.MAX_VALUE;
        return Schemas.of(Schema.SchemaType.INTEGER).format(narrow ? "int32" : "int64")
                .minimum(java.math.BigDecimal.valueOf(minValue != null ? minValue : narrow ? Integer.MIN_VALUE : Long.MIN_VALUE))
                .maximum(java.math.BigDecimal.valueOf(maxValue != null ? maxValue : columnMax));
    }

    /** The bounds a client is told of: the declared ones, else what the column holds (Django's validators). */
    @Override
    void describe(Map<String, Object> info) {
        if (!isReadOnly()) {
            info.put("min_value", minValue != null ? minValue : -columnMax - 1);
            info.put("max_value", maxValue != null ? maxValue : columnMax);
        }
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(Long.class, long.class, Integer.class, int.class);
    }

    @Override
    void bind(Class<?> attributeType) {
        if (attributeType == Integer.class || attributeType == int.class) {
            columnMax = Integer.MAX_VALUE;
        }
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        if (data.isTextual() && data.textValue().length() > 1000) {
            throw new Invalid("String value too large.");
        }
        if (!(data.isTextual() || data.isNumber())) {
            throw new Invalid("A valid integer is required.");
        }
        BigInteger value = PythonText.parseInt(TRAILING_ZEROS.matcher(pythonStr(data)).replaceFirst(""))
                .orElseThrow(() -> new Invalid("A valid integer is required."));
        if (maxValue != null && value.compareTo(BigInteger.valueOf(maxValue)) > 0) {
            throw new Invalid("Ensure this value is less than or equal to " + maxValue + ".");
        }
        if (minValue != null && value.compareTo(BigInteger.valueOf(minValue)) < 0) {
            throw new Invalid("Ensure this value is greater than or equal to " + minValue + ".");
        }
        // Beyond what the column holds: Django's model field adds these bounds as validators.
        if (value.compareTo(BigInteger.valueOf(columnMax)) > 0) {
            throw new Invalid("Ensure this value is less than or equal to " + columnMax + ".");
        }
        if (value.compareTo(BigInteger.valueOf(-columnMax - 1)) < 0) {
            throw new Invalid("Ensure this value is greater than or equal to " + (-columnMax - 1) + ".");
        }
        return columnMax == Integer.MAX_VALUE ? (Object) value.intValue() : (Object) value.longValue();
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        json.writeNumber(((Number) value).longValue());
    }
}
