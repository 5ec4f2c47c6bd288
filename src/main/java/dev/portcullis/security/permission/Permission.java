package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;

/**
 * DRF's {@code BasePermission}. Implementations are stateless CDI beans; both checks default to
 * allowing, as in DRF. Compose with {@link #and}, {@link #or} and {@link #not}, or in a declaration
 * with {@code "A & B"}, {@code "A | B"}, {@code "~A"}.
 */
public interface Permission {

    /** DRF's {@code has_permission(request, view)}. */
    default boolean hasPermission(AccessRequest request) {
        return true;
    }

    /** DRF's {@code has_object_permission(request, view, obj)}. */
    default boolean hasObjectPermission(AccessRequest request, Object object) {
        return true;
    }

    /** The message of a denial; {@code null} means DRF's default text. */
    default String message() {
        return null;
    }

    /** The code of a denial; {@code null} means {@code permission_denied}. */
    default String code() {
        return null;
    }

    /**
     * Why this class denies, in words a client developer can act on, for denials explained in the answer.
     *
     * @param object the object for an object-level denial, {@code null} for a request-level one
     */
    default String hint(AccessRequest request, Object object) {
        return null;
    }

    /** The name declarations, logs and introspection use: the class's simple name. */
    default String name() {
        return PermissionNames.of(getClass());
    }

    /** Evaluates {@link #hasPermission}, keeping the verdict of each part. */
    default Decision check(AccessRequest request) {
        return Decision.of(this, request, null, hasPermission(request));
    }

    /** Evaluates {@link #hasObjectPermission}, keeping the verdict of each part. */
    default Decision checkObject(AccessRequest request, Object object) {
        return Decision.of(this, request, object, hasObjectPermission(request, object));
    }

    default Permission and(Permission other) {
        return new And(this, other);
    }

    default Permission or(Permission other) {
        return new Or(this, other);
    }

    static Permission not(Permission operand) {
        return new Not(operand);
    }
}
