package dev.portcullis.security.lock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint and action (or one guarded service method) as the policy lockfile records it: a key such as
 * {@code DELETE /api/posts/{id}/}, and the checks in force, one line each, in the order of {@link #FIELDS}.
 */
public record LockEntry(String key, Map<String, String> fields) {

    public static final String VIEW = "view";
    public static final String AUTHENTICATION = "authentication";
    public static final String PERMISSIONS = "permissions";
    public static final String ANONYMOUS = "anonymous";
    public static final String OBJECT_CHECKS = "object checks";
    public static final String QUERYSET = "queryset";
    public static final String RELATIONS = "relations";
    public static final String NESTED = "nested";
    public static final String CSRF = "csrf";
    public static final String THROTTLES = "throttles";

    /** Every field, in the order an entry lists them. */
    public static final java.util.List<String> FIELDS = java.util.List.of(VIEW, AUTHENTICATION, PERMISSIONS, ANONYMOUS,
            OBJECT_CHECKS, QUERYSET, RELATIONS, NESTED, CSRF, THROTTLES);

    public LockEntry {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field's value, or {@code null} when the entry has no such line. */
    public String get(String field) {
        return fields.get(field);
    }
}
