package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The verdict of one permission class, keeping the verdicts of its parts (for {@code and}, {@code or},
 * {@code not}), so that "why was I denied?" is read off the decision rather than recomputed.
 *
 * @param permission the class's DRF-style name, e.g. {@code IsOwnerOrReadOnly} or {@code IsAdminUser | IsOwnerOrReadOnly}
 * @param level      {@code "request"} ({@code has_permission}) or {@code "object"} ({@code has_object_permission})
 * @param message    the denying class's own message, or {@code null} for DRF's default text
 * @param code       the denying class's own code, or {@code null} for {@code permission_denied}
 * @param hint       for a denial, the class's own words on why (see {@link Permission#hint}), or {@code null}
 */
@RegisterForReflection
public record Decision(String permission, String level, boolean allowed, String message, String code,
                       List<Decision> parts, String hint) {

    public static final String REQUEST = "request";
    public static final String OBJECT = "object";

    public Decision {
        parts = List.copyOf(parts);
    }

    /** A single class's verdict; its hint is asked for only when it denies. */
    public static Decision of(Permission permission, AccessRequest request, Object object, boolean allowed) {
        return new Decision(permission.name(), object == null ? REQUEST : OBJECT, allowed, permission.message(),
                permission.code(), List.of(), allowed ? null : permission.hint(request, object));
    }

    /** A composite's verdict over its parts. */
    public static Decision composite(String name, String level, boolean allowed, List<Decision> parts) {
        return new Decision(name, level, allowed, null, null, parts, null);
    }

    /** The hint of the class that denied, looking inside composites; {@code null} when none has one. */
    public String denialHint() {
        if (allowed) {
            return null;
        }
        if (hint != null) {
            return hint;
        }
        return parts.stream().filter(p -> !p.allowed()).map(Decision::denialHint)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
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
