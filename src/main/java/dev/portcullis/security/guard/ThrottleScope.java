package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DRF's {@code throttle_scope} for {@code ScopedRateThrottle}: the endpoint's requests are counted under the scope,
 * by user (or, for an anonymous caller, by client address), at the rate {@code portcullis.throttle.rates.<scope>}
 * sets; a scope with no rate configured is not counted. On a method, it replaces the class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ThrottleScope {

    /** The scope's name, e.g. {@code register}. */
    String value();
}
