package dev.portcullis.security.core;

import java.util.Map;

/**
 * The user as permission classes see it: DRF's {@code request.user}. A detached snapshot, so that
 * permission checks never touch the database.
 *
 * @param id          the user's primary key, {@code null} for the anonymous user
 * @param attributes  application-specific facts (e.g. {@code email_verified}) a custom permission may read
 */
public record Caller(Long id, String username, boolean staff, boolean superuser, Map<String, Object> attributes) {

    public static final Caller ANONYMOUS = new Caller(null, null, false, false, Map.of());

    public Caller {
        attributes = Map.copyOf(attributes);
    }

    /** DRF's {@code user.is_authenticated}. */
    public boolean authenticated() {
        return id != null;
    }

    /** A boolean attribute, {@code false} when absent. */
    public boolean flag(String attribute) {
        return Boolean.TRUE.equals(attributes.get(attribute));
    }

    @Override
    public String toString() {
        return authenticated() ? username : "anonymous";
    }
}
