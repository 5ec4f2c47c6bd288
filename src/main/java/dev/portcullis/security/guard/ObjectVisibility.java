package dev.portcullis.security.guard;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Whether the caller of this request could retrieve an object from another resource — its {@code retrieve} action,
 * authentication, request- and object-level permissions and scoped query, as a {@code GET} of the object would run
 * them — without a second request: what a writable relation may link to. An object the caller could not retrieve
 * does not exist for the relation, whatever the reason (not there, hidden, or denied); and which related objects a
 * nested representation may show.
 */
@Singleton
@Unremovable
public class ObjectVisibility {

    private static final String RETRIEVE = "retrieve";

    private final PolicyRegistry registry;
    private final GuardContext context;

    public ObjectVisibility(PolicyRegistry registry, GuardContext context) {
        this.registry = registry;
        this.context = context;
    }

    /** The resource's {@code retrieve} policy: start-up fails here when it has none. */
    public EndpointPolicy retrievePolicy(Class<?> resourceClass) {
        return registry.policyOf(resourceClass, RETRIEVE, new Class<?>[]{String.class});
    }

    /**
     * The object a retrieve by this request's caller would answer.
     *
     * @param lookup finds the object in the resource's scoped query, for the retrieve's policy and request
     */
    public Optional<Object> retrievable(Class<?> resourceClass,
                                        BiFunction<EndpointPolicy, AccessRequest, Optional<Object>> lookup) {
        EndpointPolicy policy = retrievePolicy(resourceClass);
        return readable(policy, retrieveBy(policy), lookup);
    }

    /**
     * Those of some objects that a retrieve by this request's caller would answer, each: the request-level checks
     * once, the objects as the lookup finds them, then every object-level check on each.
     *
     * @param lookup   finds the objects in the resource's scoped query, for the retrieve's policy and request
     * @param objectOf the object an item found is about
     */
    public <T> List<T> retrievableAmong(Class<?> resourceClass, BiFunction<EndpointPolicy, AccessRequest, List<T>> lookup,
                                        Function<T, Object> objectOf) {
        EndpointPolicy policy = retrievePolicy(resourceClass);
        return readableAmong(policy, retrieveBy(policy), lookup, objectOf);
    }

    /** A {@code GET} by this request's caller, authenticated as the policy allows. */
    private AccessRequest retrieveBy(EndpointPolicy policy) {
        Caller caller = context.caller();
        boolean authenticated = caller.authenticated() && !policy.authenticators().isEmpty();
        String authenticator = context.authenticatedBy().filter(policy.authenticatorNames()::contains)
                .orElse(authenticated ? policy.authenticators().get(0).name() : null);
        return policy.requestOf(authenticated ? caller : Caller.ANONYMOUS, "GET", Map.of(), authenticator);
    }

    /**
     * The object a read with this policy and request would answer: every permission's request-level check, the
     * object as the lookup finds it, then every object-level check; empty where any of them says no.
     */
    static Optional<Object> readable(EndpointPolicy policy, AccessRequest request,
                                     BiFunction<EndpointPolicy, AccessRequest, Optional<Object>> lookup) {
        return readableAmong(policy, request, (read, asked) -> lookup.apply(read, asked).stream().toList(),
                Function.identity()).stream().findFirst();
    }

    /** The same for the objects a lookup finds: the request-level checks once, the object-level ones on each. */
    private static <T> List<T> readableAmong(EndpointPolicy policy, AccessRequest request,
                                             BiFunction<EndpointPolicy, AccessRequest, List<T>> lookup,
                                             Function<T, Object> objectOf) {
        for (Permission permission : policy.permissions()) {
            if (!Evaluation.check(permission, request).allowed()) {
                return List.of();
            }
        }
        List<T> readable = new ArrayList<>();
        for (T found : lookup.apply(policy, request)) {
            if (policy.permissions().stream().allMatch(permission ->
                    Evaluation.checkObject(permission, request, objectOf.apply(found)).allowed())) {
                readable.add(found);
            }
        }
        return readable;
    }
}
