package dev.portcullis.security.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DRF's {@code ValidationError}: 400 with {@code {"field": ["message", ...]}}. */
public final class ValidationError extends ApiException {

    public static final String NON_FIELD_ERRORS = "non_field_errors";

    private final Map<String, List<String>> errors;

    public ValidationError(Map<String, List<String>> errors) {
        super(400, "Invalid input.", "invalid");
        this.errors = new LinkedHashMap<>(errors);
    }

    public static ValidationError of(String field, String message) {
        return new ValidationError(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> body() {
        return new LinkedHashMap<>(errors);
    }
}
