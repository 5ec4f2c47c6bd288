package dev.portcullis.security.guard;

import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Security annotations take effect or stop start-up: one that nothing would enforce — on a class that is not a
 * JAX-RS resource, or on a method of a resource that is not a resource method — is a declaration error, never a
 * silent no-op.
 */
final class Declarations {

    private static final List<Class<? extends Annotation>> SECURITY = List.of(Permissions.class, Authentication.class,
            Action.class, CsrfExempt.class, OriginChecked.class, ViewSet.class, Model.class);

    private Declarations() {
    }

    /** @throws IllegalStateException naming the class, the method and the annotation that would not take effect */
    static void requireEnforced(Class<?> type) {
        boolean resource = type.isAnnotationPresent(Path.class);
        if (!resource) {
            declared(type).ifPresent(annotation -> fail(type.getName(), annotation, "the class is not a JAX-RS resource "
                    + "(no @Path)"));
        }
        for (Method method : type.getDeclaredMethods()) {
            if (!resource || !PolicyResolver.isResourceMethod(method)) {
                declared(method).ifPresent(annotation -> fail(type.getName() + "." + method.getName(), annotation,
                        resource ? "the method is not a resource method (no @GET, @POST, … or @Path)"
                                : "the class is not a JAX-RS resource (no @Path)"));
            }
        }
    }

    private static java.util.Optional<Class<? extends Annotation>> declared(AnnotatedElement element) {
        return SECURITY.stream().filter(element::isAnnotationPresent).findFirst();
    }

    private static void fail(String where, Class<? extends Annotation> annotation, String why) {
        throw new IllegalStateException("Invalid security declaration on " + where + ": @" + annotation.getSimpleName()
                + " would never be enforced, because " + why + ". Move it to a resource or a resource method.");
    }
}
