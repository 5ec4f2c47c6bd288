package dev.portcullis.security.lock;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.ListScope;
import dev.portcullis.security.guard.ObjectLookup;
import dev.portcullis.security.guard.PolicyRegistry;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies the guard resolved, as lockfile entries: every routed method of every path, each path's OPTIONS
 * (the resource's default, which also answers the methods it does not route), and every guarded service method.
 * Read from the registry, never resolved a second time.
 */
@Singleton
public class PolicySnapshot {

    /** Request throttles run on every guarded endpoint; Basic authentication counts each attempt as a login. */
    static final String REQUEST_THROTTLES = "AnonRateThrottle, UserRateThrottle";
    static final String LOGIN_THROTTLE = "LoginRateThrottle";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");
    /** The methods whose body may set relations. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "PATCH");
    /** The methods whose answer shows objects. */
    private static final java.util.Set<String> ANSWERS_AN_OBJECT = java.util.Set.of("GET", "POST", "PUT", "PATCH");
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PolicyRegistry registry;

    public PolicySnapshot(PolicyRegistry registry) {
        this.registry = registry;
    }

    /** Every entry, sorted by path, then method. */
    public List<LockEntry> entries() {
        List<LockEntry> entries = new ArrayList<>();
        for (PolicyRegistry.Route route : registry.routes()) {
            String queryset = querysetOf(route);
            Relations relations = relationsOf(route);
            route.httpMethods().forEach(method -> entries.add(endpoint(registry.policyFor(route, method), queryset,
                    relations)));
            if (!route.httpMethods().contains("OPTIONS")) {
                entries.add(endpoint(registry.defaultPolicy(route, "OPTIONS"), queryset, relations));
            }
        }
        registry.callPolicies().forEach(call -> entries.add(serviceCall(call)));
        entries.sort(Comparator.comparing(PolicySnapshot::pathOf).thenComparing(PolicySnapshot::methodRank));
        return entries;
    }

    /** The key of an endpoint's entry, e.g. {@code DELETE /api/posts/{id}/}. */
    public static String keyOf(EndpointPolicy policy) {
        return policy.httpMethod() + " " + policy.path();
    }

    private LockEntry endpoint(EndpointPolicy policy, String queryset, Relations relations) {
        Map<String, String> fields = common(policy, policy.resource() + ", action " + policy.action());
        fields.put(LockEntry.OBJECT_CHECKS, objectChecks(policy, queryset != null));
        if (queryset != null) {
            fields.put(LockEntry.QUERYSET, queryset);
        }
        if (relations.linked() != null && WRITES.contains(policy.httpMethod())) {
            fields.put(LockEntry.RELATIONS, relations.linked());
        }
        if (relations.nested() != null && ANSWERS_AN_OBJECT.contains(policy.httpMethod())) {
            fields.put(LockEntry.NESTED, relations.nested());
        }
        if (!SAFE_METHODS.contains(policy.httpMethod())) {
            // Django checks CSRF on unsafe methods only.
            fields.put(LockEntry.CSRF, (policy.csrfExempt() ? "exempt" : "required")
                    + (policy.originChecked() ? ", trusted origin required" : ""));
        }
        fields.put(LockEntry.THROTTLES, REQUEST_THROTTLES
                + (policy.throttleScope() == null ? "" : ", ScopedRateThrottle (" + policy.throttleScope() + ")")
                + (policy.authenticatorNames().contains("BasicAuthentication") ? ", " + LOGIN_THROTTLE : ""));
        return new LockEntry(keyOf(policy), fields);
    }

    private LockEntry serviceCall(PolicyRegistry.CallPolicy call) {
        EndpointPolicy policy = call.policy();
        Map<String, String> fields = common(policy, policy.resource() + ", action " + policy.action() + ", "
                + ("GET".equals(policy.httpMethod()) ? "read-only" : "unsafe"));
        fields.put(LockEntry.OBJECT_CHECKS, call.objectParameterName() != null
                ? "on parameter '" + call.objectParameterName() + "'" + ruleNames(policy) : "none");
        return new LockEntry(policy.shownMethod() + " " + policy.path(), fields);
    }

    private static Map<String, String> common(EndpointPolicy policy, String view) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(LockEntry.VIEW, view);
        fields.put(LockEntry.AUTHENTICATION, names(policy.authenticatorNames()) + " [" + source(policy.authenticationSource()) + "]");
        fields.put(LockEntry.PERMISSIONS, names(policy.permissionNames()) + " [" + source(policy.permissionSource()) + "]");
        fields.put(LockEntry.ANONYMOUS, anonymous(policy));
        return fields;
    }

    /** Whether an anonymous caller passes the request-level checks: an endpoint open to anyone says so plainly. */
    private static String anonymous(EndpointPolicy policy) {
        AccessRequest request = policy.requestOf(Caller.ANONYMOUS, policy.httpMethod(), Map.of(), null);
        try {
            return policy.permissions().stream().allMatch(p -> Evaluation.check(p, request).allowed()) ? "allowed" : "refused";
        } catch (RuntimeException e) {
            // A class that cannot answer without a real request: the reviewer reads its code.
            return "unknown";
        }
    }

    /** How the classes' object-level rules take effect on this endpoint, if any class has one. */
    private static String objectChecks(EndpointPolicy policy, boolean scopedView) {
        boolean rules = policy.permissions().stream().anyMatch(Evaluation::hasObjectRules);
        if (!rules) {
            return "none";
        }
        String how;
        if (policy.requiresObject()) {
            how = "on the path's object";
        } else if ("OPTIONS".equals(policy.httpMethod())) {
            how = "none: OPTIONS is answered without an object";
        } else if (policy.path().contains("{")) {
            how = "skipped: @NoObject";
        } else if (scopedView && "list".equals(policy.action())) {
            return "filter the list" + ruleNames(policy) + " — " + QueryConditions.of(caller ->
                    ListScope.restrictionOf(policy, policy.requestOf(caller, policy.httpMethod(), Map.of(), null)));
        } else {
            how = "none: no object on this path";
        }
        return how + ruleNames(policy);
    }

    private static String ruleNames(EndpointPolicy policy) {
        List<String> names = policy.permissions().stream().filter(Evaluation::hasObjectRules).map(Permission::name).toList();
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }

    private String querysetOf(PolicyRegistry.Route route) {
        return ObjectLookup.class.isAssignableFrom(route.resourceClass())
                ? ((ObjectLookup) registry.resourceOf(route)).queryset() : null;
    }

    /**
     * What a resource's writes may link their relations to, and what its answers may show nested; each {@code null}
     * when there is none.
     */
    private record Relations(String linked, String nested) {
    }

    private Relations relationsOf(PolicyRegistry.Route route) {
        if (!ObjectLookup.class.isAssignableFrom(route.resourceClass())) {
            return new Relations(null, null);
        }
        ObjectLookup resource = (ObjectLookup) registry.resourceOf(route);
        return new Relations(resource.relations(), resource.shownNested());
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String source(EndpointPolicy.Source source) {
        // The lockfile names the method a reviewer reads, where introspection says "programmatic".
        return source == EndpointPolicy.Source.PROGRAMMATIC ? "getPermissions" : source.label();
    }

    private static String pathOf(LockEntry entry) {
        return entry.key().substring(entry.key().indexOf(' ') + 1);
    }

    private static int methodRank(LockEntry entry) {
        int rank = METHOD_ORDER.indexOf(entry.key().substring(0, entry.key().indexOf(' ')));
        return rank < 0 ? METHOD_ORDER.size() : rank;
    }
}
