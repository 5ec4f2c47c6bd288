package dev.portcullis.security.guard;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Whether the caller of this request could retrieve an object from another resource — its {@code retrieve} action,
 * authentication, request- and object-level permissions and scoped query, as a {@code GET} of the object would run
 * them — without a second request: what a writable relation may link to. An object the caller could not retrieve
 * does not exist for the relation, whatever the reason (not there, hidden, or denied).
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
        Caller writer = context.caller();
        boolean authenticated = writer.authenticated() && !policy.authenticators().isEmpty();
        String authenticator = context.authenticatedBy().filter(policy.authenticatorNames()::contains)
                .orElse(authenticated ? policy.authenticators().get(0).name() : null);
        AccessRequest request = policy.requestOf(authenticated ? writer : Caller.ANONYMOUS, "GET", Map.of(),
                authenticator);
        return readable(policy, request, lookup);
    }

    /**
     * The object a read with this policy and request would answer: every permission's request-level check, the
     * object as the lookup finds it, then every object-level check; empty where any of them says no.
     */
    static Optional<Object> readable(EndpointPolicy policy, AccessRequest request,
                                     BiFunction<EndpointPolicy, AccessRequest, Optional<Object>> lookup) {
        for (Permission permission : policy.permissions()) {
            if (!Evaluation.check(permission, request).allowed()) {
                return Optional.empty();
            }
        }
        Optional<Object> found = lookup.apply(policy, request);
        for (Permission permission : policy.permissions()) {
            if (found.isPresent() && !Evaluation.checkObject(permission, request, found.get()).allowed()) {
                return Optional.empty();
            }
        }
        return found;
    }
}
