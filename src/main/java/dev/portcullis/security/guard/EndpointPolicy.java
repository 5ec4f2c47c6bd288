package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.permission.Permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.RequestMemo;

import java.util.List;
import java.util.Map;

/**
 * What the guard enforces for one action of one endpoint, resolved once at start-up.
 *
 * @param resource             the resource class's simple name
 * @param path                 the path template, e.g. {@code /api/posts/{id}/}
 * @param action               DRF's action name
 * @param authenticationSource where the authenticators come from (see {@link Source})
 * @param permissionSource     where the permissions come from
 * @param csrfExempt           whether session-authenticated requests skip the CSRF check ({@link CsrfExempt})
 * @param originChecked        whether every unsafe request must come from a trusted origin ({@link OriginChecked})
 * @param noObject             whether the method declares that it acts on no object ({@link NoObject})
 * @param model                the model the resource serves ({@link Model}), or {@code null}
 * @param throttleScope        DRF's {@code throttle_scope} ({@link ThrottleScope}), or {@code null}
 */
public record EndpointPolicy(String resource, String path, String httpMethod, String action,
                             List<Authenticator> authenticators, Source authenticationSource,
                             List<Permission> permissions, Source permissionSource, boolean csrfExempt,
                             boolean originChecked, boolean noObject, String model, String throttleScope) {

    /** Where a list of classes was declared. */
    public enum Source {
        GLOBAL_DEFAULT, RESOURCE, METHOD, PROGRAMMATIC;

        /** How introspection, the OpenAPI document and the commands name it, e.g. {@code global default}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public EndpointPolicy {
        authenticators = List.copyOf(authenticators);
        permissions = List.copyOf(permissions);
    }

    /**
     * A guarded service method's policy (its path is {@code Class.method()}) rather than an endpoint's. Its HTTP
     * method only says whether it reads or writes, so it is named {@code CALL} wherever it is shown.
     */
    public boolean serviceCall() {
        return !path.startsWith("/");
    }

    /** {@code GET}, {@code POST}…, or {@code CALL} for a service method, as the lockfile names it. */
    public String shownMethod() {
        return serviceCall() ? "CALL" : httpMethod;
    }

    /** The first authenticator's {@code WWW-Authenticate}, which decides between 401 and 403. */
    public String wwwAuthenticate() {
        return authenticators.isEmpty() ? null : authenticators.get(0).wwwAuthenticate();
    }

    public List<String> authenticatorNames() {
        return authenticators.stream().map(Authenticator::name).toList();
    }

    /** The request as the permission classes see it, for a caller authenticated by {@code authenticator}. */
    public AccessRequest requestOf(Caller caller, String method, Map<String, String> pathParameters,
                                   String authenticator) {
        return new AccessRequest(caller, method, action, pathParameters, authenticator, model, new RequestMemo());
    }

    /** Whether the other policy authenticates and authorizes exactly as this one does. */
    public boolean sameChecksAs(EndpointPolicy other) {
        return authenticators.equals(other.authenticators) && permissions.equals(other.permissions)
                && csrfExempt == other.csrfExempt && originChecked == other.originChecked;
    }

    /** This policy for a method its path does not route, e.g. OPTIONS or a method answered 405 after the checks. */
    public EndpointPolicy forUnroutedMethod(String method, String unroutedAction) {
        // The guard answers such a method itself (metadata or 405): no method runs, so no object is loaded.
        return new EndpointPolicy(resource, path, method, unroutedAction, authenticators, authenticationSource,
                permissions, permissionSource, csrfExempt, originChecked, true, model, throttleScope);
    }

    /** This policy with other authentication classes, which decide between 401 and 403 for an anonymous caller. */
    public EndpointPolicy withAuthenticators(List<Authenticator> others) {
        return new EndpointPolicy(resource, path, httpMethod, action, others, authenticationSource, permissions,
                permissionSource, csrfExempt, originChecked, noObject, model, throttleScope);
    }

    /**
     * Whether the endpoint must load its object through {@link ObjectAccess}: a path with a parameter, and a class
     * with an object-level rule that would otherwise never run — unless the method declares {@link NoObject}.
     */
    public boolean requiresObject() {
        return !noObject && path.contains("{") && permissions.stream().anyMatch(Evaluation::hasObjectRules);
    }

    /** Whether a permission check may block (see {@link Permission#blocking()}). */
    public boolean blocking() {
        return permissions.stream().anyMatch(Evaluation::blocking);
    }

    public List<String> permissionNames() {
        return permissions.stream().map(Permission::name).toList();
    }
}
