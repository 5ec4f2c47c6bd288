package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource method on a path with a parameter acts on no object, so that its object-level
 * permission classes have nothing to check. Without it, such a method must load its object through
 * {@link ObjectAccess}: one that answers or writes without doing so is refused ({@link SkippedObjectChecks}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoObject {
}
