package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.guard.EndpointPolicy.Source;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns declarations (annotations, {@link GetPermissions}, the global defaults) into {@link EndpointPolicy}s.
 * Runs at start-up only; a declaration naming something that does not exist fails start-up with a
 * message naming the resource and the class.
 */
@Singleton
public class PolicyResolver {

    private final ClassCatalog catalog;
    private final List<Authenticator> defaultAuthenticators;
    private final List<Permission> defaultPermissions;

    public PolicyResolver(ClassCatalog catalog,
                          @ConfigProperty(name = "portcullis.default-authentication") List<String> defaultAuthentication,
                          @ConfigProperty(name = "portcullis.default-permissions") List<String> defaultPermissions) {
        this.catalog = catalog;
        this.defaultAuthenticators = resolveDefaults("portcullis.default-authentication", defaultAuthentication,
                catalog::authenticator);
        this.defaultPermissions = resolveDefaults("portcullis.default-permissions", defaultPermissions,
                catalog::permission);
    }

    private static <T> List<T> resolveDefaults(String property, List<String> names,
                                               java.util.function.Function<String, T> lookup) {
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("none")) {
            return List.of();
        }
        try {
            return names.stream().map(String::strip).map(lookup).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage(), e);
        }
    }

    /** The policy of one resource method. */
    public EndpointPolicy resolve(Object resource, Class<?> resourceClass, Method method) {
        String path = PathTemplate.join(resourceClass.getAnnotation(Path.class), method.getAnnotation(Path.class));
        String httpMethod = httpMethodOf(method).orElseThrow(() -> new IllegalStateException(
                resourceClass.getSimpleName() + "." + method.getName() + " is a sub-resource locator; the guard "
                        + "cannot see the methods it returns, so they are not allowed"));
        String action = ActionNames.of(resourceClass, method, httpMethod);
        return resolve(resource, resourceClass, method, path, httpMethod, action);
    }

    /**
     * The policy of a service method under {@link Permissions}: its action is the method's name, its path names the
     * bean and the method, and it counts as a GET or a POST as the declaration says ({@link Permissions#readOnly}).
     */
    public PolicyRegistry.CallPolicy resolveCall(Class<?> beanClass, Method method) {
        Permissions declaration = method.isAnnotationPresent(Permissions.class) ? method.getAnnotation(Permissions.class)
                : beanClass.getAnnotation(Permissions.class);
        String where = beanClass.getSimpleName() + "." + method.getName();
        int objectParameter = -1;
        if (!declaration.object().isEmpty()) {
            java.lang.reflect.Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].getName().equals(declaration.object())) {
                    objectParameter = i;
                }
            }
            if (objectParameter < 0) {
                throw new IllegalStateException("Invalid security declaration on " + where + ": it has no parameter named '"
                        + declaration.object() + "' for the object-level checks (its parameters: "
                        + Arrays.stream(parameters).map(java.lang.reflect.Parameter::getName).toList() + ")");
            }
        }
        EndpointPolicy policy = resolve(null, beanClass, method, where + "()", declaration.readOnly() ? "GET" : "POST",
                method.getName());
        return new PolicyRegistry.CallPolicy(policy, objectParameter, objectParameter < 0 ? null : declaration.object());
    }

    /** The resource's own default policy, for OPTIONS and for a method it does not route. */
    public EndpointPolicy resolveDefault(Class<?> resourceClass, String path, String httpMethod, String action) {
        return resolve(null, resourceClass, null, path, httpMethod, action);
    }

    private EndpointPolicy resolve(Object resource, Class<?> resourceClass, Method method, String path,
                                   String httpMethod, String action) {
        String where = resourceClass.getSimpleName() + (method == null ? "" : "." + method.getName());
        try {
            Declared<Authenticator> authentication = authenticators(resourceClass, method);
            Declared<Permission> permissions = permissions(resource, resourceClass, method, action);
            boolean csrfExempt = declared(resourceClass, method, CsrfExempt.class);
            boolean originChecked = declared(resourceClass, method, OriginChecked.class);
            ThrottleScope scope = method != null && method.isAnnotationPresent(ThrottleScope.class)
                    ? method.getAnnotation(ThrottleScope.class) : resourceClass.getAnnotation(ThrottleScope.class);
            // Without a method (OPTIONS, a method the path does not route) the guard answers itself: no object.
            boolean noObject = method == null || method.isAnnotationPresent(NoObject.class);
            Model model = resourceClass.getAnnotation(Model.class);
            if (model == null) {
                permissions.classes().stream().filter(Evaluation::needsModel).findFirst().ifPresent(p -> {
                    throw new IllegalArgumentException(p.name() + " needs the model the resource serves: "
                            + "annotate the resource with @Model (DRF: the view has no queryset)");
                });
            }
            return new EndpointPolicy(resourceClass.getSimpleName(), path, httpMethod, action,
                    authentication.classes(), authentication.source(), permissions.classes(), permissions.source(),
                    csrfExempt, originChecked, noObject, model == null ? null : model.value(),
                    scope == null ? null : scope.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid security declaration on " + where + ": " + e.getMessage(), e);
        }
    }

    private static boolean declared(Class<?> resourceClass, Method method, Class<? extends Annotation> marker) {
        return resourceClass.isAnnotationPresent(marker) || (method != null && method.isAnnotationPresent(marker));
    }

    private record Declared<T>(List<T> classes, Source source) {
    }

    private Declared<Authenticator> authenticators(Class<?> resourceClass, Method method) {
        Authentication onMethod = method == null ? null : method.getAnnotation(Authentication.class);
        if (onMethod != null) {
            return new Declared<>(authenticatorsOf(onMethod), Source.METHOD);
        }
        Authentication onClass = resourceClass.getAnnotation(Authentication.class);
        if (onClass != null) {
            return new Declared<>(authenticatorsOf(onClass), Source.RESOURCE);
        }
        return new Declared<>(defaultAuthenticators, Source.GLOBAL_DEFAULT);
    }

    private List<Authenticator> authenticatorsOf(Authentication declaration) {
        return Arrays.stream(declaration.value()).map(catalog::authenticator).toList();
    }

    private Declared<Permission> permissions(Object resource, Class<?> resourceClass, Method method, String action) {
        if (resource instanceof GetPermissions programmatic && method != null) {
            List<Permission> chosen = askGetPermissions(programmatic, resourceClass, action);
            if (chosen != GetPermissions.DECLARED) {
                return new Declared<>(chosen, Source.PROGRAMMATIC);
            }
        }
        Permissions onMethod = method == null ? null : method.getAnnotation(Permissions.class);
        if (onMethod != null) {
            return new Declared<>(permissionsOf(onMethod), Source.METHOD);
        }
        Permissions onClass = resourceClass.getAnnotation(Permissions.class);
        if (onClass != null) {
            return new Declared<>(permissionsOf(onClass), Source.RESOURCE);
        }
        return new Declared<>(defaultPermissions, Source.GLOBAL_DEFAULT);
    }

    /** Asks {@code getPermissions} for a served action; anything but a list of permissions is a declaration error. */
    private static List<Permission> askGetPermissions(GetPermissions programmatic, Class<?> resourceClass, String action) {
        String asked = "getPermissions(\"" + action + "\")";
        if (!resourceClass.isAnnotationPresent(ViewSet.class)) {
            throw new IllegalArgumentException("it implements GetPermissions but is not a @ViewSet, so its actions are "
                    + "named after HTTP methods ('" + action + "'), not list/create/retrieve/update/partial_update/"
                    + "destroy: annotate the resource with @ViewSet, or declare @Permissions on its methods");
        }
        List<Permission> chosen;
        try {
            chosen = programmatic.getPermissions(action);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(asked + " failed (" + e + "): it must answer for every action the "
                    + "resource serves — is a case label misspelled?", e);
        }
        if (chosen == null) {
            throw new IllegalArgumentException(asked + " returned null: answer every action the resource serves "
                    + "(a misspelled case label falls to the default branch), or return GetPermissions.DECLARED to "
                    + "keep the annotations and the global default on purpose");
        }
        if (chosen.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(asked + " returned a list holding null");
        }
        return chosen;
    }

    private List<Permission> permissionsOf(Permissions declaration) {
        List<Permission> permissions = new ArrayList<>();
        Arrays.stream(declaration.value()).map(catalog::permission).forEach(permissions::add);
        if (!declaration.expression().isBlank()) {
            permissions.add(catalog.permission(declaration.expression()));
        }
        return permissions;
    }

    static Optional<String> httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return Optional.of(httpMethod.value());
            }
        }
        return Optional.empty();
    }

    static boolean isResourceMethod(Method method) {
        return httpMethodOf(method).isPresent() || method.isAnnotationPresent(Path.class);
    }
}
