package dev.portcullis.security.guard;

import dev.portcullis.security.core.HttpMethods;
import dev.portcullis.security.core.StartUpRefusal;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every endpoint's policy, resolved at start-up from every JAX-RS resource: the guard looks policies up
 * here and never resolves one per request. Start-up fails when a declaration is invalid.
 */
@Startup
@Singleton
public class PolicyRegistry {

    /** One resource method, as Quarkus REST names it at request time. */
    public record MethodKey(Class<?> resourceClass, String methodName, List<Class<?>> parameterTypes) {
    }

    /**
     * A service method's policy ({@link Permissions} on a bean that is not a resource).
     *
     * @param objectParameter     the index of the parameter the object-level checks run on, or -1
     * @param objectParameterName that parameter's name, or {@code null}
     */
    public record CallPolicy(EndpointPolicy policy, int objectParameter, String objectParameterName) {
    }

    /** The methods served on one path template, and the resource's default policy for the others. */
    public record Route(String template, Pattern pattern, Class<?> resourceClass, Set<String> httpMethods) {

        /** DRF's {@code Allow}: the methods the view has, in the order of Django's {@code http_method_names}. */
        public String allow() {
            List<String> allowed = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE").stream()
                    .filter(httpMethods::contains).toList());
            if (httpMethods.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            return String.join(", ", allowed);
        }
    }

    private final PolicyResolver resolver;
    private final Map<MethodKey, EndpointPolicy> byMethod = new HashMap<>();
    /**
     * The same policies by the object Quarkus REST describes a matched method with ({@link ResourceInfo}, one per
     * resource method for the application's life): found by identity, with no key to build and no record's equals
     * to run (under C1 a record's generated equals and hashCode go through method handles).
     */
    private final Map<ResourceInfo, Resolved> byResourceMethod = new ConcurrentHashMap<>();

    /** A resource method's policy as first resolved, with the names it was resolved by. */
    private record Resolved(Class<?> resourceClass, String methodName, Class<?>[] parameterTypes,
                            Optional<EndpointPolicy> policy) {

        boolean resolves(SimpleResourceInfo resource) {
            return resourceClass == resource.getResourceClass() && methodName.equals(resource.getMethodName())
                    && Arrays.equals(parameterTypes, resource.parameterTypes());
        }
    }
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Route> literalRoutes = new HashMap<>();
    private final List<Route> templatedRoutes = new ArrayList<>();
    /** Each route's {@code Allow}, by its template: computed once, written on every answer. */
    private final Map<String, String> allowByTemplate = new HashMap<>();
    private final Map<String, EndpointPolicy> byRoute = new HashMap<>();
    private final Set<Class<?>> unguarded = new java.util.HashSet<>();
    private final Map<String, EndpointPolicy> defaults = new ConcurrentHashMap<>();
    private final Map<Method, CallPolicy> byCall = new HashMap<>();
    private final Set<Class<?>> resourceClasses = new java.util.HashSet<>();
    private final Map<String, Method> resourceMethods = new HashMap<>();
    /** The classes the build listed, when the guard read only those. */
    private final Optional<Set<String>> listed;

    public PolicyRegistry(PolicyResolver resolver) {
        this.resolver = resolver;
        listed = DeclaredClasses.fromBuild();
        try {
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                if (listed.isPresent() && !listed.get().contains(type.getName())) {
                    continue;
                }
                if (type.isAnnotationPresent(Unguarded.class)) {
                    if (!ConfigUtils.getProfiles().contains(Unguarded.PROFILE)) {
                        throw new IllegalStateException(type.getName() + " is @Unguarded, which only the "
                                + Unguarded.PROFILE + " profile allows");
                    }
                    unguarded.add(type);
                } else if (type.isAnnotationPresent(Path.class)) {
                    // Only a resource that decides its permissions in code is needed now; creating the others here
                    // would tie their construction to the registry's (and fail for those that inject it).
                    register(type, GetPermissions.class.isAssignableFrom(type) ? Arc.container().instance(type).get() : null);
                } else if (Declarations.readable(type)) {
                    for (Method method : Declarations.guardedCalls(type)) {
                        byCall.put(method, resolver.resolveCall(type, method));
                    }
                }
                if (Declarations.readable(type)) {
                    Declarations.requireEnforced(type);
                }
            }
            routes.sort(Comparator.comparing(Route::template).reversed());
            for (Route route : routes) {
                allowByTemplate.put(route.template(), route.allow());
                if (route.template().contains("{")) {
                    templatedRoutes.add(route);
                } else {
                    literalRoutes.put(route.template(), route);
                }
                // Every policy is resolved now, so that a declaration error shows at start-up, not at a request.
                for (String method : HttpMethods.KEYS) {
                    policyFor(route, method);
                }
            }
        } catch (RuntimeException e) {
            StartUpRefusal.print(e);
            throw e;
        }
    }

    private void register(Class<?> resourceClass, Object resource) {
        resourceClasses.add(resourceClass);
        Map<String, Set<String>> methodsByTemplate = new LinkedHashMap<>();
        for (Method method : resourceClass.getMethods()) {
            if (!PolicyResolver.isResourceMethod(method)) {
                continue;
            }
            EndpointPolicy policy = resolver.resolve(resource, resourceClass, method);
            byMethod.put(new MethodKey(resourceClass, method.getName(), List.of(method.getParameterTypes())), policy);
            byRoute.put(policy.httpMethod() + " " + policy.path(), policy);
            resourceMethods.put(policy.httpMethod() + " " + policy.path(), method);
            methodsByTemplate.computeIfAbsent(policy.path(), t -> new TreeSet<>()).add(policy.httpMethod());
        }
        methodsByTemplate.forEach((template, methods) ->
                routes.add(new Route(template, PathTemplate.compile(template), resourceClass, Set.copyOf(methods))));
    }

    /** Whether the bean instance (perhaps a generated subclass) is one of the resources the filters guard. */
    boolean isResource(Object instance) {
        for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (resourceClasses.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** The policy of a service method, or {@code null} for a method no declaration guards (resource methods too). */
    CallPolicy callPolicy(Method method) {
        return byCall.get(method);
    }

    /** Every guarded service method's policy, for introspection. */
    public List<CallPolicy> callPolicies() {
        return byCall.values().stream().sorted(Comparator.comparing(call -> call.policy().path())).toList();
    }

    /** Whether the resource is left outside the guard (benchmark builds only). */
    private boolean isUnguarded(Class<?> resourceClass) {
        return !unguarded.isEmpty() && unguarded.contains(resourceClass);
    }

    /**
     * The policy of the resource method a request matched, empty when its resource is unguarded. Remembered by
     * {@code method}'s identity, and answered from memory only for the same resource class and method: should
     * Quarkus REST describe a method anew per request, or one object serve two resources, nothing more is kept and
     * no other resource's policy is used.
     */
    public Optional<EndpointPolicy> policyOf(ResourceInfo method, SimpleResourceInfo resource) {
        Resolved known = byResourceMethod.get(method);
        if (known != null && known.resolves(resource)) {
            return known.policy();
        }
        Optional<EndpointPolicy> policy = isUnguarded(resource.getResourceClass()) ? Optional.empty()
                : Optional.of(policyOf(resource.getResourceClass(), resource.getMethodName(), resource.parameterTypes()));
        if (known == null && byResourceMethod.size() < byMethod.size()) {
            byResourceMethod.putIfAbsent(method, new Resolved(resource.getResourceClass(), resource.getMethodName(),
                    resource.parameterTypes(), policy));
        }
        return policy;
    }

    /** DRF's {@code Allow} for the endpoint: the methods its route has, in Django's order. */
    public String allowOf(EndpointPolicy policy) {
        return allowByTemplate.get(policy.path());
    }

    /** The same for a route found by its path (a method it lacks, or OPTIONS): computed at start-up too. */
    String allowOf(Route route) {
        return allowByTemplate.get(route.template());
    }

    /** The policy of a matched resource method; every method has one, or start-up would have failed. */
    public EndpointPolicy policyOf(Class<?> resourceClass, String methodName, Class<?>[] parameterTypes) {
        EndpointPolicy policy = byMethod.get(new MethodKey(resourceClass, methodName, List.of(parameterTypes)));
        if (policy == null) {
            throw new IllegalStateException("No security policy for " + resourceClass.getName() + "." + methodName
                    + (listed.isPresent() && !listed.get().contains(resourceClass.getName())
                    ? " (the guard read the classes the build listed in " + DeclaredClasses.RESOURCE + ", which does not "
                    + "name it: build the application with Maven, whose process-classes phase lists every class with "
                    + "declarations)" : ""));
        }
        return policy;
    }

    /** The route serving a request path, if any of the resources serves it. */
    public Optional<Route> route(String path) {
        // Asked for every request: a path without parameters is one map look-up, only the others are matched.
        Route literal = literalRoutes.get(path);
        if (literal != null) {
            return Optional.of(literal);
        }
        for (Route route : templatedRoutes) {
            if (route.pattern().matcher(path).matches()) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /**
     * The resource's default policy (its class-level declarations, else the global default) for a request the
     * resource has no method for: OPTIONS (DRF's {@code metadata} action) or a method it does not route.
     */
    public EndpointPolicy defaultPolicy(Route route, String httpMethod) {
        // Kept per route and standard method: every invented method name shares one policy (HttpMethods.OTHER).
        String method = HttpMethods.key(httpMethod);
        String action = "OPTIONS".equals(method) ? ActionNames.METADATA : method.toLowerCase(Locale.ROOT);
        return defaults.computeIfAbsent(route.template() + " " + method, key -> viewPolicy(route)
                .map(view -> view.forUnroutedMethod(method, action))
                .orElseGet(() -> resolver.resolveDefault(route.resourceClass(), route.template(), method, action)));
    }

    /**
     * The policy of the DRF view a path stands for: DRF runs a view's authentication and permissions before it
     * looks for the handler, so a method the view lacks is checked by the view's classes before its 405 (an
     * anonymous {@code GET /api/auth/login/} is a 405, not a 401). A resource may serve a path with methods of
     * different policies — a viewset's actions — and then the path has no one policy: the resource's default
     * applies, as DRF's {@code get_permissions()} with no action would.
     */
    private Optional<EndpointPolicy> viewPolicy(Route route) {
        List<EndpointPolicy> routed = route.httpMethods().stream().map(m -> byRoute.get(m + " " + route.template())).toList();
        EndpointPolicy first = routed.get(0);
        return routed.stream().allMatch(first::sameChecksAs) ? Optional.of(first) : Optional.empty();
    }

    /** How many default policies are kept: at most one per route and standard method, and one for all others. */
    int defaultPoliciesKept() {
        return defaults.size();
    }

    /**
     * The policy the guard applies to a method on a route: the routed method's (HEAD is served by GET), else
     * the resource's default.
     */
    public EndpointPolicy policyFor(Route route, String httpMethod) {
        EndpointPolicy routed = byRoute.get(httpMethod + " " + route.template());
        if (routed == null && "HEAD".equals(httpMethod)) {
            routed = byRoute.get("GET " + route.template());
        }
        return routed != null ? routed : defaultPolicy(route, httpMethod);
    }

    /** The Java method serving a routed method of a route, e.g. to read what it declares of its answer. */
    public Optional<Method> resourceMethod(Route route, String httpMethod) {
        return Optional.ofNullable(resourceMethods.get(httpMethod + " " + route.template()));
    }

    /** The DRF view a route's methods declare they stand for ({@link View}), for OPTIONS; {@code null} for none. */
    public View viewOf(Route route) {
        for (String httpMethod : route.httpMethods()) {
            View view = resourceMethod(route, httpMethod).map(method -> method.getAnnotation(View.class)).orElse(null);
            if (view != null) {
                return view;
            }
        }
        return null;
    }

    /** The resource bean serving a route, e.g. to look up an object for an explanation. */
    public Object resourceOf(Route route) {
        return Arc.container().instance(route.resourceClass()).get();
    }

    /** Every route, for introspection. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** How many matched methods' policies are remembered by {@link #policyOf(ResourceInfo, SimpleResourceInfo)}. */
    int rememberedMethods() {
        return byResourceMethod.size();
    }

    /** Every policy, for introspection and for the test that no endpoint escapes the guard. */
    public List<EndpointPolicy> policies() {
        return byMethod.values().stream()
                .sorted(Comparator.comparing(EndpointPolicy::path).thenComparing(EndpointPolicy::httpMethod))
                .toList();
    }
}
