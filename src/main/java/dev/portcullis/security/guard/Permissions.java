package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Permission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DRF's {@code permission_classes}, on a resource or one of its methods (the method wins); all must allow.
 * Compositions are written as DRF writes them: {@code @Permissions(expression = "IsAdminUser | IsOwnerOrReadOnly")}.
 * Both forms together mean the classes, then the expression.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Permissions {

    Class<? extends Permission>[] value() default {};

    /** A composition of permission classes by name, with {@code &}, {@code |}, {@code ~} and parentheses. */
    String expression() default "";
}
