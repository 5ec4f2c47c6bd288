package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a resource outside the guard, to measure what the guard costs. Honoured only in the {@code bench}
 * build profile: anywhere else, a resource carrying it stops start-up.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unguarded {

    /** The only profile in which a resource may be unguarded. */
    String PROFILE = "bench";
}
