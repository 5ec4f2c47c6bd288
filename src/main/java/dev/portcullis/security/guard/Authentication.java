package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Authenticator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DRF's {@code authentication_classes}, on a resource or one of its methods (the method wins).
 * An empty list means no authentication at all.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authentication {

    Class<? extends Authenticator>[] value();
}
