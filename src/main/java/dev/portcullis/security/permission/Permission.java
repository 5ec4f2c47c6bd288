package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

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

    /**
     * The objects a list may show: those this class's object-level check allows for a read, as a query
     * condition, so that a list never shows what a retrieve would refuse. A class whose object-level check
     * can deny a read must say which objects it allows here; the default, every object, suits the others.
     */
    default QueryRestriction listRestriction(AccessRequest request) {
        return QueryRestriction.NONE;
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

    /** The classes a composition is made of; none for a plain class. */
    default java.util.List<Permission> parts() {
        return java.util.List.of();
    }

    /** Whether this class needs the endpoint's model ({@code @Model}), as model and object permissions do. */
    default boolean needsModel() {
        return parts().stream().anyMatch(Permission::needsModel);
    }

    /**
     * Whether the checks may block (read the database), so that the guard runs them on a worker thread
     * when the request is on an event-loop thread.
     */
    default boolean blocking() {
        return parts().stream().anyMatch(Permission::blocking);
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
