package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Denial;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.permission.Decision;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "would user U be allowed METHOD PATH?" from the same policies the guard enforces, without running
 * the endpoint: the user is taken as authenticated by the endpoint's first authentication class (or anonymous
 * when it has none), then every permission's request-level and, for an object id, object-level verdict.
 */
@Singleton
public class AccessExplainer {

    private final PolicyRegistry registry;
    private final CallerDirectory callers;
    private final GuardContext context;

    public AccessExplainer(PolicyRegistry registry, CallerDirectory callers, GuardContext context) {
        this.registry = registry;
        this.callers = callers;
        this.context = context;
    }

    /**
     * @param username {@code null} for an anonymous request
     * @param objectId the object of a detail endpoint, or {@code null}; one the asking user could not read is 404,
     *                 unless the asker is a superuser
     */
    public AccessExplanation explain(String username, String method, String path, String objectId) {
        PolicyRegistry.Route route = registry.route(path).orElseThrow(Errors::notFound);
        Caller user = username == null ? Caller.ANONYMOUS : callers.find(username)
                .orElseThrow(() -> new dev.portcullis.security.core.ValidationError(
                        Map.of("username", List.of("No active user of that name."))));
        if (objectId == null) {
            return explain(user, method, path, null);
        }
        if (!(registry.resourceOf(route) instanceof ObjectLookup lookup)) {
            return explain(route, user, method, path, (policy, request) -> {
                throw new ApiException(404, "This endpoint acts on no object.", "not_found");
            });
        }
        if (!context.caller().superuser() && !readableByAsker(route, lookup, objectId)) {
            // An explanation about an object the asker could not read would tell that it exists, and whose it is.
            throw Errors.notFound();
        }
        return explain(route, user, method, path, (policy, request) -> lookup.lookupObject(objectId, policy, request)
                .orElseThrow(Errors::notFound));
    }

    /** Whether the user asking could read the object: the route's GET, as the guard would run it for them. */
    private boolean readableByAsker(PolicyRegistry.Route route, ObjectLookup lookup, String objectId) {
        EndpointPolicy read = registry.policyFor(route, "GET");
        AccessRequest request = read.requestOf(context.caller(), "GET", Map.of(), context.authenticatedBy().orElse(null));
        return ObjectVisibility.readable(read, request, (policy, asked) -> lookup.lookupObject(objectId, policy, asked))
                .isPresent();
    }

    /**
     * The test kit's form: would this user — any {@link Caller}, e.g. from
     * {@link dev.portcullis.security.testing.TestCallers} — be allowed the method on the path, for this object?
     * Runs the endpoint's policy as the guard would (authentication by its first class), with no HTTP.
     *
     * @param object the object the endpoint would load, or {@code null} for none
     */
    public AccessExplanation explain(Caller user, String method, String path, Object object) {
        PolicyRegistry.Route route = registry.route(path).orElseThrow(Errors::notFound);
        return explain(route, user, method, path, object == null ? null : (policy, request) -> object);
    }

    private AccessExplanation explain(PolicyRegistry.Route route, Caller user, String method, String path,
                                      java.util.function.BiFunction<EndpointPolicy, AccessRequest, Object> objectOf) {
        EndpointPolicy policy = registry.policyFor(route, method);
        String username = user.authenticated() ? user.username() : null;
        boolean authenticates = user.authenticated() && !policy.authenticators().isEmpty();
        Caller caller = authenticates ? user : Caller.ANONYMOUS;
        AccessRequest request = policy.requestOf(caller, method, Map.of(),
                authenticates ? policy.authenticators().get(0).name() : null);

        List<Decision> decisions = new ArrayList<>();
        Optional<Decision> denied = check(policy, request, decisions, null);
        // OPTIONS (DRF's metadata action) answers without loading the object, so no object-level check.
        if (denied.isEmpty() && objectOf != null && !"OPTIONS".equals(method)) {
            try {
                denied = check(policy, request, decisions, objectOf.apply(policy, request));
            } catch (ApiException hidden) {
                // Not there for this user, or hidden by a class (ObjectPermissions without view): DRF's Http404.
                return result(username, method, path, policy, verdicts(policy, user), decisions, false,
                        hidden.status(), hidden.detail());
            }
        }
        if (denied.isPresent()) {
            Denial denial = Guard.permissionDenial(policy, request, denied.get());
            return result(username, method, path, policy, verdicts(policy, user), decisions, false, denial.status(),
                    denial.detail());
        }
        boolean routed = route.httpMethods().contains(method) || "OPTIONS".equals(method)
                || ("HEAD".equals(method) && route.httpMethods().contains("GET"));
        return routed
                ? result(username, method, path, policy, verdicts(policy, user), decisions, true, 200, null)
                : result(username, method, path, policy, verdicts(policy, user), decisions, true, 405,
                        Errors.methodNotAllowed(method).detail());
    }

    private static Optional<Decision> check(EndpointPolicy policy, AccessRequest request, List<Decision> decisions,
                                            Object object) {
        for (Permission permission : policy.permissions()) {
            Decision decision = object == null ? Evaluation.check(permission, request)
                    : Evaluation.checkObject(permission, request, object);
            decisions.add(decision);
            if (!decision.allowed()) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    private static List<AccessExplanation.Verdict> verdicts(EndpointPolicy policy, Caller user) {
        List<AccessExplanation.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < policy.authenticators().size(); i++) {
            Authenticator authenticator = policy.authenticators().get(i);
            String verdict = !user.authenticated() ? "no credential: does not apply"
                    : i == 0 ? "authenticates '" + user.username() + "' given '" + authenticator.usage() + "'"
                    : "tried only when no earlier class applies";
            verdicts.add(new AccessExplanation.Verdict(authenticator.name(), verdict));
        }
        return verdicts;
    }

    private static AccessExplanation result(String user, String method, String path, EndpointPolicy policy,
                                            List<AccessExplanation.Verdict> authentication, List<Decision> decisions,
                                            boolean allowed, int status, String detail) {
        return new AccessExplanation(user, method, path, policy.path(), policy.action(), authentication,
                List.copyOf(decisions), allowed, status, detail);
    }
}
