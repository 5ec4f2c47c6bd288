package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model a resource serves (DRF's {@code queryset.model}): model and object permissions name their
 * permissions after it ({@code add_note}) and look grants up by it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {

    /** The model's name, lower case, as in permission codenames, e.g. {@code note}. */
    String value();
}
