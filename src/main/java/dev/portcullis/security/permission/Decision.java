package dev.portcullis.security.permission;

import java.util.List;

/**
 * The verdict of one permission class, keeping the verdicts of its parts (for {@code and}, {@code or},
 * {@code not}), so that "why was I denied?" is read off the decision rather than recomputed.
 *
 * @param permission the class's DRF-style name, e.g. {@code IsOwnerOrReadOnly} or {@code IsAdminUser | IsOwnerOrReadOnly}
 * @param level      {@code "request"} ({@code has_permission}) or {@code "object"} ({@code has_object_permission})
 * @param message    the denying class's own message, or {@code null} for DRF's default text
 * @param code       the denying class's own code, or {@code null} for {@code permission_denied}
 */
public record Decision(String permission, String level, boolean allowed, String message, String code,
                       List<Decision> parts) {

    public static final String REQUEST = "request";
    public static final String OBJECT = "object";

    public Decision {
        parts = List.copyOf(parts);
    }

    public static Decision of(Permission permission, String level, boolean allowed) {
        return new Decision(permission.name(), level, allowed, permission.message(), permission.code(), List.of());
    }

    /**
     * The innermost class that denied and has a message of its own, else this decision. A denied composite
     * reports the message of the class that denied it (DRF would report the default text).
     */
    public Decision denier() {
        if (allowed) {
            return this;
        }
        for (Decision part : parts) {
            if (!part.allowed()) {
                Decision inner = part.denier();
                if (inner.message() != null) {
                    return inner;
                }
            }
        }
        return this;
    }
}
