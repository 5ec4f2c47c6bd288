package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection resource (DRF's {@code ViewSet}): its methods get DRF's action names from their
 * HTTP method and path — {@code list}, {@code create} on the resource's path; {@code retrieve},
 * {@code update}, {@code partial_update}, {@code destroy} on {@code {id}}. Other resources name their
 * actions after the HTTP method ({@code get}, {@code post}, ...), as DRF's {@code APIView} handlers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViewSet {
}
