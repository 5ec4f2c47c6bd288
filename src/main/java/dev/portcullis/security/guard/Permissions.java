package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Permission;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DRF's {@code permission_classes}, on a resource or one of its methods (the method wins); all must allow.
 * Compositions are written as DRF writes them: {@code @Permissions(expression = "IsAdminUser | IsOwnerOrReadOnly")}.
 * Both forms together mean the classes, then the expression.
 *
 * <p>On any other CDI bean — a service, a job — the same declaration guards its methods through an interceptor
 * ({@link ServiceCallGuard}): the caller is the current request's user, or whoever the code runs as
 * ({@link RunAs}), else anonymous.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Permissions {

    @Nonbinding
    Class<? extends Permission>[] value() default {};

    /** A composition of permission classes by name, with {@code &}, {@code |}, {@code ~} and parentheses. */
    @Nonbinding
    String expression() default "";

    /**
     * On a service method: the parameter holding the object of the object-level checks (DRF's
     * {@code has_object_permission}), by name; none by default. Ignored on resources, which use
     * {@link ObjectAccess}.
     */
    @Nonbinding
    String object() default "";

    /**
     * On a service method: whether a call counts as a safe method (DRF's {@code SAFE_METHODS}, as a {@code GET})
     * for classes such as {@code IsAuthenticatedOrReadOnly}; by default a call is unsafe (as a {@code POST}).
     * Ignored on resources, whose HTTP method decides.
     */
    @Nonbinding
    boolean readOnly() default false;
}
