package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * DRF's {@code UUIDField}: Python's {@code uuid.UUID(hex=...)} in (hyphens, braces and a {@code urn:uuid:} prefix
 * allowed; a JSON integer is {@code UUID(int=...)}), the hyphenated lower-case form out.
 */
public final class UuidField extends Field<UuidField> {

    private static final String INVALID = "Must be a valid UUID.";
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(128);

    UuidField(String name) {
        super(name);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(UUID.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        BigInteger value;
        if (data.isIntegralNumber()) {
            value = data.bigIntegerValue();
        } else if (data.isBoolean()) {
            value = data.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;  // a bool is an int in Python
        } else if (data.isTextual()) {
            String hex = data.textValue().replace("urn:", "").replace("uuid:", "");
            hex = stripBraces(hex).replace("-", "");
            if (!hex.matches("[0-9A-Fa-f]{32}")) {
                throw new Invalid(INVALID);
            }
            value = new BigInteger(hex, 16);
        } else {
            throw new Invalid(INVALID);
        }
        if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
            throw new Invalid(INVALID);
        }
        return new UUID(value.shiftRight(64).longValue(), value.longValue());
    }

    /** Python's {@code str.strip('{}')}. */
    private static String stripBraces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '{' || text.charAt(start) == '}')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '{' || text.charAt(end - 1) == '}')) {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        writeText(json, value.toString());
    }
}
