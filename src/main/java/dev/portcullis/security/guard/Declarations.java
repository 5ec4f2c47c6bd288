package dev.portcullis.security.guard;

import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Security annotations take effect or stop start-up: one that nothing would enforce — an HTTP-only declaration
 * on a class that is not a JAX-RS resource, anything on a method of a resource that is not a resource method,
 * {@link Permissions} on a private or static method of a service — is a declaration error, never a silent no-op.
 */
final class Declarations {

    private static final List<Class<? extends Annotation>> SECURITY = List.of(Permissions.class, Authentication.class,
            Action.class, CsrfExempt.class, OriginChecked.class, ViewSet.class, Model.class, NoObject.class, ThrottleScope.class);
    /** What only an HTTP endpoint can honour; {@link Permissions} and {@link Model} also guard service beans. */
    private static final List<Class<? extends Annotation>> RESOURCE_ONLY = List.of(Authentication.class, Action.class,
            CsrfExempt.class, OriginChecked.class, ViewSet.class, NoObject.class, ThrottleScope.class);

    private Declarations() {
    }

    /** @throws IllegalStateException naming the class, the method and the annotation that would not take effect */
    static void requireEnforced(Class<?> type) {
        boolean resource = type.isAnnotationPresent(Path.class);
        if (!resource) {
            declared(type, RESOURCE_ONLY).ifPresent(annotation -> fail(type.getName(), annotation,
                    "the class is not a JAX-RS resource (no @Path)"));
        }
        for (Method method : type.getDeclaredMethods()) {
            if (resource && !PolicyResolver.isResourceMethod(method)) {
                declared(method, SECURITY).ifPresent(annotation -> fail(type.getName() + "." + method.getName(),
                        annotation, "the method is not a resource method (no @GET, @POST, … or @Path)"));
            } else if (!resource) {
                declared(method, RESOURCE_ONLY).ifPresent(annotation -> fail(type.getName() + "." + method.getName(),
                        annotation, "the class is not a JAX-RS resource (no @Path)"));
                if (method.isAnnotationPresent(Permissions.class) && !interceptable(method)) {
                    fail(type.getName() + "." + method.getName(), Permissions.class,
                            "an interceptor cannot reach a private or static method");
                }
            }
        }
    }

    /**
     * Whether the guard reads the class's declarations at start-up: a resource, or a class with a security
     * annotation on itself or on one of its methods.
     */
    static boolean readAtStartup(Class<?> type) {
        if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Unguarded.class)
                || declared(type, SECURITY).isPresent()) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (declared(method, SECURITY).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bean's methods can be read. Dev mode's own beans (the Dev UI's) name classes its runtime does not
     * hold, and reading their methods fails; such a class carries no declaration of the application.
     */
    static boolean readable(Class<?> type) {
        try {
            type.getDeclaredMethods();
            return true;
        } catch (LinkageError unreadable) {
            return false;
        }
    }

    /**
     * The methods of a bean that is not a resource which {@link Permissions} guards: those declared so, and every
     * method an interceptor reaches (not private, not static) when the class is.
     */
    static List<Method> guardedCalls(Class<?> type) {
        boolean onClass = type.isAnnotationPresent(Permissions.class);
        return java.util.Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && interceptable(m))
                .filter(m -> onClass || m.isAnnotationPresent(Permissions.class))
                .toList();
    }

    private static boolean interceptable(Method method) {
        int modifiers = method.getModifiers();
        return !java.lang.reflect.Modifier.isPrivate(modifiers) && !java.lang.reflect.Modifier.isStatic(modifiers);
    }

    private static java.util.Optional<Class<? extends Annotation>> declared(AnnotatedElement element,
                                                                          List<Class<? extends Annotation>> kinds) {
        return kinds.stream().filter(element::isAnnotationPresent).findFirst();
    }

    private static void fail(String where, Class<? extends Annotation> annotation, String why) {
        throw new IllegalStateException("Invalid security declaration on " + where + ": @" + annotation.getSimpleName()
                + " would never be enforced, because " + why + ". Move it to a resource or a resource method.");
    }
}
