package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.authentication.Credentials;
import dev.portcullis.security.authentication.TrustedOrigins;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.AuthenticationFailure;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Causes;
import dev.portcullis.security.core.Denial;
import dev.portcullis.security.core.Outages;
import dev.portcullis.security.core.RequestRefused;
import dev.portcullis.security.permission.Decision;
import dev.portcullis.security.permission.Permission;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * DRF's {@code APIView.initial()}: authentication (each class in order: a user, "does not apply", or a
 * failure that ends the request), then every permission's {@code has_permission}; and, for one object,
 * every permission's {@code has_object_permission}. Denials follow DRF's 401-or-403 rule.
 */
@Singleton
public class Guard {

    /** The attribute of a {@link SecurityIdentity} that holds the {@link Caller}, set by identity providers. */
    public static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private static final Logger LOG = Logger.getLogger(Guard.class);

    private final IdentityProviderManager identityProviders;
    private final RememberedIdentities remembered;
    private final DenialExplainer explainer;
    private final DenialLog denials;
    private final TrustedOrigins origins;
    private final boolean explain;

    public Guard(IdentityProviderManager identityProviders, RememberedIdentities remembered, DenialExplainer explainer,
                 DenialLog denials, TrustedOrigins origins,
                 @ConfigProperty(name = "portcullis.explain-denials", defaultValue = "false") boolean explain) {
        this.identityProviders = identityProviders;
        this.remembered = remembered;
        this.explainer = explainer;
        this.denials = denials;
        this.origins = origins;
        this.explain = explain;
    }

    /** Authenticates, then checks every permission's request-level rule. Fails with a {@link Denial}. */
    public Uni<AccessRequest> authorize(EndpointPolicy policy, Credentials credentials, String method,
                                        Map<String, String> pathParameters) {
        return authenticate(policy, credentials, 0, method).flatMap(authenticated -> {
            AccessRequest request = admitted(policy, authenticated, credentials, method, pathParameters);
            if (permissionsWaitForAWorker(policy)) {
                return Uni.createFrom().item(() -> checkPermissions(policy, request, credentials))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }
            return Uni.createFrom().item(checkPermissions(policy, request, credentials));
        });
    }

    /**
     * {@link #authorize}, decided on the calling thread when it can be: the first credential of the policy's
     * authentication classes that names someone is one its identity provider remembers, and the permissions need no
     * other thread. The same steps in the same order, without composing a pipeline.
     *
     * @return the request allowed; empty when it must go through {@link #authorize}
     * @throws Denial what {@link #authorize} fails with
     */
    public Optional<AccessRequest> authorizeNow(EndpointPolicy policy, Credentials credentials, String method,
                                                Map<String, String> pathParameters) {
        if (permissionsWaitForAWorker(policy)) {
            return Optional.empty();
        }
        return authenticateNow(policy, credentials, method).map(authenticated -> checkPermissions(policy,
                admitted(policy, authenticated, credentials, method, pathParameters), credentials));
    }

    /** The thread is asked first: on a worker thread (every blocking endpoint) nothing more is looked at. */
    private static boolean permissionsWaitForAWorker(EndpointPolicy policy) {
        return !BlockingOperationControl.isBlockingAllowed() && policy.blocking();
    }

    /** The request the permissions judge, once its caller is known: an unsafe method's origin checked first. */
    private AccessRequest admitted(EndpointPolicy policy, Authenticated authenticated, Credentials credentials,
                                   String method, Map<String, String> pathParameters) {
        if (policy.originChecked() && !AccessRequest.SAFE_METHODS.contains(method)) {
            try {
                origins.check(credentials);
            } catch (RequestRefused refused) {
                throw requestRefused(policy, authenticated.caller(), TrustedOrigins.class.getSimpleName(), refused);
            }
        }
        return policy.requestOf(authenticated.caller(), method, pathParameters, authenticated.authenticator());
    }

    private AccessRequest checkPermissions(EndpointPolicy policy, AccessRequest request, Credentials credentials) {
        for (Permission permission : policy.permissions()) {
            Decision denial = Evaluation.denial(permission, request);
            if (denial != null) {
                throw permissionDenied(policy, request, credentials, denial);
            }
        }
        return request;
    }

    /** DRF's {@code check_object_permissions}: every permission's object-level rule, in order. */
    public void checkObject(EndpointPolicy policy, AccessRequest request, Credentials credentials, Object object) {
        for (Permission permission : policy.permissions()) {
            Decision denial = Evaluation.objectDenial(permission, request, object);
            if (denial != null) {
                throw permissionDenied(policy, request, credentials, denial);
            }
        }
    }

    /**
     * A call to a service method under {@link Permissions}: DRF's {@code check_permissions} and, when the declaration
     * names an object, {@code check_object_permissions}. The caller is whoever the code runs as ({@link RunAs}), else
     * the current request's user, else anonymous; an anonymous caller inside a request is refused as that request's
     * endpoint refuses one (401 with its {@code WWW-Authenticate}, or 403).
     *
     * @param request the current request's guard context, or {@code null} outside a request
     */
    void checkCall(PolicyRegistry.CallPolicy call, GuardContext request, Object[] arguments) {
        Optional<Caller> runAs = RunAs.current();
        Caller caller = runAs.orElseGet(() -> request != null ? request.caller() : Caller.ANONYMOUS);
        String authenticator = runAs.isPresent() ? (caller.authenticated() ? RunAs.AUTHENTICATOR : null)
                : request != null ? request.request().authenticator() : null;
        EndpointPolicy policy = call.policy().withAuthenticators(
                request != null ? request.policy().authenticators() : java.util.List.of());
        if (!BlockingOperationControl.isBlockingAllowed() && policy.blocking()) {
            throw new IllegalStateException(policy.path() + " is guarded by permission classes that read the database, "
                    + "so it cannot be called on an event-loop thread: call it from a blocking endpoint");
        }
        AccessRequest access = policy.requestOf(caller, policy.httpMethod(), Map.of(), authenticator);
        Credentials credentials = request != null ? request.credentials() : Credentials.none();
        checkPermissions(policy, access, credentials);
        if (call.objectParameter() >= 0) {
            checkObject(policy, access, credentials, arguments[call.objectParameter()]);
        }
    }

    private record Authenticated(Caller caller, String authenticator) {
        static final Authenticated ANONYMOUS = new Authenticated(Caller.ANONYMOUS, null);
    }

    private Uni<Authenticated> authenticate(EndpointPolicy policy, Credentials credentials, int index, String method) {
        if (index == policy.authenticators().size()) {
            return Uni.createFrom().item(Authenticated.ANONYMOUS);
        }
        Authenticator authenticator = policy.authenticators().get(index);
        Optional<AuthenticationRequest> credential;
        try {
            credential = parsed(policy, authenticator, credentials);
        } catch (Denial denial) {
            return Uni.createFrom().failure(denial);
        }
        if (credential.isEmpty()) {
            return authenticate(policy, credentials, index + 1, method);
        }
        return identityProviders.authenticate(credential.get())
                .onFailure().transform(failure -> failureOf(failure)
                        .<Throwable>map(known -> authenticationFailed(policy, authenticator, known, credentials))
                        .orElseGet(() -> unexpected(failure)))
                // The credential names no one (DRF's authenticate() returning None): try the next class.
                .flatMap(identity -> identity.isAnonymous() ? authenticate(policy, credentials, index + 1, method)
                        : Uni.createFrom().item(accepted(policy, authenticator, identity, credentials, method)));
    }

    /** {@link #authenticate} on the calling thread, while every credential found is remembered; else empty. */
    private Optional<Authenticated> authenticateNow(EndpointPolicy policy, Credentials credentials, String method) {
        for (Authenticator authenticator : policy.authenticators()) {
            Optional<AuthenticationRequest> credential = parsed(policy, authenticator, credentials);
            if (credential.isEmpty()) {
                continue;
            }
            Optional<SecurityIdentity> identity;
            try {
                identity = remembered.of(credential.get());
            } catch (AuthenticationFailure failure) {
                throw authenticationFailed(policy, authenticator, failure, credentials);
            }
            if (identity.isEmpty()) {
                return Optional.empty();
            }
            if (!identity.get().isAnonymous()) {
                return Optional.of(accepted(policy, authenticator, identity.get(), credentials, method));
            }
        }
        return Optional.of(Authenticated.ANONYMOUS);
    }

    /** The class's own reading of the request's credentials (DRF's {@code authenticate} up to the lookup). */
    private Optional<AuthenticationRequest> parsed(EndpointPolicy policy, Authenticator authenticator,
                                                   Credentials credentials) {
        try {
            return authenticator.parse(credentials);
        } catch (AuthenticationFailure failure) {
            throw authenticationFailed(policy, authenticator, failure, credentials);
        }
    }

    /** The caller an identity names, once the class's own check of the request passes (e.g. CSRF for a session). */
    private Authenticated accepted(EndpointPolicy policy, Authenticator authenticator, SecurityIdentity identity,
                                   Credentials credentials, String method) {
        Caller caller = callerOf(identity);
        try {
            authenticator.checkRequest(identity, credentials, method, policy.csrfExempt());
        } catch (RequestRefused refused) {
            throw requestRefused(policy, caller, authenticator.name(), refused);
        }
        return new Authenticated(caller, authenticator.name());
    }

    private static Caller callerOf(SecurityIdentity identity) {
        Caller caller = identity.getAttribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("Identity provider did not set the " + CALLER_ATTRIBUTE + " attribute");
        }
        return caller;
    }

    /** The {@link AuthenticationFailure} a provider raised, however Quarkus may have wrapped it. */
    private static Optional<AuthenticationFailure> failureOf(Throwable failure) {
        return Causes.find(failure, AuthenticationFailure.class);
    }

    private static Throwable unexpected(Throwable failure) {
        if (failure instanceof ApiException || Outages.databaseUnavailable(failure)) {
            return failure;
        }
        LOG.error("Authentication could not complete", failure);
        return failure;
    }

    private Denial authenticationFailed(EndpointPolicy policy, Authenticator authenticator,
                                        AuthenticationFailure failure, Credentials credentials) {
        Denial denial = Denial.unauthenticated(Denial.Kind.AUTHENTICATION_FAILED, failure.detail(), failure.code(),
                authenticator.name(), failure.extraBody(), policy.wwwAuthenticate());
        if (explain) {
            denial.explainedBy(explainer.authenticationFailed(policy, authenticator, failure, credentials));
        }
        return denials.record(policy, Caller.ANONYMOUS, denial);
    }

    /** DRF's {@code PermissionDenied} raised by an authenticator itself, e.g. a failed CSRF check: always 403. */
    private Denial requestRefused(EndpointPolicy policy, Caller caller, String refusedBy, RequestRefused refused) {
        Denial denial = Denial.permissionDenied(refused.detail(), "permission_denied", refusedBy);
        if (explain) {
            denial.explainedBy(refused.hint());
        }
        return denials.record(policy, caller, denial);
    }

    /**
     * DRF's {@code permission_denied}: an anonymous request to an endpoint with authenticators is
     * {@code NotAuthenticated} (the permission's own message is not shown); anyone else gets 403 with the
     * denying class's message. The one place that rule lives: explanations ask it too.
     */
    static Denial permissionDenial(EndpointPolicy policy, AccessRequest request, Decision decision) {
        Decision denier = decision.denier();
        if (!policy.authenticators().isEmpty() && request.authenticator() == null) {
            return Denial.unauthenticated(Denial.Kind.NOT_AUTHENTICATED, Denial.NOT_AUTHENTICATED_DETAIL,
                    "not_authenticated", denier.permission(), Map.of(), policy.wwwAuthenticate());
        }
        return Denial.permissionDenied(denier.message() != null ? denier.message() : Denial.PERMISSION_DENIED_DETAIL,
                denier.code() != null ? denier.code() : "permission_denied", denier.permission());
    }

    private Denial permissionDenied(EndpointPolicy policy, AccessRequest request, Credentials credentials,
                                    Decision decision) {
        Denial denial = permissionDenial(policy, request, decision);
        Supplier<String> why = () -> denial.kind() == Denial.Kind.NOT_AUTHENTICATED
                ? explainer.notAuthenticated(policy, credentials, decision)
                : explainer.permissionDenied(policy, request, credentials, decision);
        if (explain) {
            denial.explainedBy(why.get());
        } else if (request.user().staff()) {
            // Staff read why on the browsable API's page; the JSON answer carries it only where hints are on.
            denial.explainedOnPageOnly(why);
        }
        return denials.record(policy, request.user(), denial);
    }
}
