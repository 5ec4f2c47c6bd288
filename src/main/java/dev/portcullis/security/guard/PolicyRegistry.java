package dev.portcullis.security.guard;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
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

    /** The methods served on one path template, and the resource's default policy for the others. */
    public record Route(String template, Pattern pattern, Class<?> resourceClass, Set<String> httpMethods) {
    }

    private final PolicyResolver resolver;
    private final Map<MethodKey, EndpointPolicy> byMethod = new HashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, EndpointPolicy> defaults = new ConcurrentHashMap<>();

    public PolicyRegistry(PolicyResolver resolver) {
        this.resolver = resolver;
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class)) {
                register(type, Arc.container().instance(type).get());
            }
        }
        routes.sort(Comparator.comparing(Route::template).reversed());
    }

    private void register(Class<?> resourceClass, Object resource) {
        Map<String, Set<String>> methodsByTemplate = new LinkedHashMap<>();
        for (Method method : resourceClass.getMethods()) {
            if (!PolicyResolver.isResourceMethod(method)) {
                continue;
            }
            EndpointPolicy policy = resolver.resolve(resource, resourceClass, method);
            byMethod.put(new MethodKey(resourceClass, method.getName(), List.of(method.getParameterTypes())), policy);
            methodsByTemplate.computeIfAbsent(policy.path(), t -> new TreeSet<>()).add(policy.httpMethod());
        }
        methodsByTemplate.forEach((template, methods) ->
                routes.add(new Route(template, PathTemplate.compile(template), resourceClass, Set.copyOf(methods))));
    }

    /** The policy of a matched resource method; every method has one, or start-up would have failed. */
    public EndpointPolicy policyOf(Class<?> resourceClass, String methodName, Class<?>[] parameterTypes) {
        EndpointPolicy policy = byMethod.get(new MethodKey(resourceClass, methodName, List.of(parameterTypes)));
        if (policy == null) {
            throw new IllegalStateException("No security policy for " + resourceClass.getName() + "." + methodName);
        }
        return policy;
    }

    /** The route serving a request path, if any of the resources serves it. */
    public Optional<Route> route(String path) {
        return routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
    }

    /**
     * The resource's default policy (its class-level declarations, else the global default) for a request the
     * resource has no method for: OPTIONS (DRF's {@code metadata} action) or a method it does not route.
     */
    public EndpointPolicy defaultPolicy(Route route, String httpMethod) {
        String action = "OPTIONS".equals(httpMethod) ? ActionNames.METADATA : httpMethod.toLowerCase(Locale.ROOT);
        return defaults.computeIfAbsent(route.template() + " " + httpMethod,
                key -> resolver.resolveDefault(route.resourceClass(), route.template(), httpMethod, action));
    }

    /** Every policy, for introspection and for the test that no endpoint escapes the guard. */
    public List<EndpointPolicy> policies() {
        return byMethod.values().stream()
                .sorted(Comparator.comparing(EndpointPolicy::path).thenComparing(EndpointPolicy::httpMethod))
                .toList();
    }
}
