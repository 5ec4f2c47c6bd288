package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Unsafe requests to this endpoint that carry an {@code Origin} header must come from the service's own origin
 * or a trusted one, whoever sends them (Django's CSRF origin check). For endpoints that act before anyone is
 * authenticated, such as a session login: a form on another site cannot sign a visitor's browser in to an
 * account of the attacker's choosing. Session-authenticated requests are checked anyway.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OriginChecked {
}
