package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;

/**
 * DRF's {@code BasePermission}, request level: what a permission class implements — {@link #hasPermission}, and
 * optionally its own {@link #message}, {@link #code} and {@link #hint}. A class with an object-level rule implements
 * {@link ObjectPermission}; one whose checks read only the request (no database) says so with {@link NonBlocking}, or
 * else the guard runs it off the event loop. Implementations are stateless CDI beans; both checks allow by
 * default, as in DRF. Compose with {@link #and}, {@link #or} and {@link #not}, or in a declaration with
 * {@code "A & B"}, {@code "A | B"}, {@code "~A"}. How classes are evaluated — verdicts, compositions, threads — is
 * {@link Evaluation}'s business, not something a class overrides.
 */
public interface Permission {

    /** DRF's {@code has_permission(request, view)}. */
    default boolean hasPermission(AccessRequest request) {
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
