package dev.portcullis.security.guard;

import dev.portcullis.security.core.Denial;
import dev.portcullis.security.authentication.Credentials;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import jakarta.enterprise.context.RequestScoped;
import org.hibernate.engine.spi.SelfDirtinessTracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the guard decided for the current request, for the endpoint's own code: who the caller is,
 * which authenticator recognised them, and the policy (for object-level checks).
 */
@RequestScoped
public class GuardContext {

    private EndpointPolicy policy;
    private AccessRequest request;
    private Credentials credentials;
    private boolean objectChecked;
    private List<SelfDirtinessTracker> loaded;
    private Denial denial;
    private EndpointPolicy refusedBy;

    void set(EndpointPolicy policy, AccessRequest request, Credentials credentials) {
        this.policy = policy;
        this.request = request;
        this.credentials = credentials;
    }

    /** The guard refused the request (the policy it applied, and the denial it answered). */
    void refused(EndpointPolicy applied, Denial refusal) {
        this.refusedBy = applied;
        this.denial = refusal;
    }

    /** The policy the guard applied to this request, allowed or refused; empty before it ran (or on no route). */
    public Optional<EndpointPolicy> appliedPolicy() {
        return Optional.ofNullable(policy != null ? policy : refusedBy);
    }

    /** The caller the guard allowed, or the one it refused. */
    public Optional<Caller> decidedCaller() {
        return request != null ? Optional.of(request.user()) : Optional.ofNullable(denial).map(Denial::caller);
    }

    /** The authentication class that authenticated the allowed caller, if any did. */
    public Optional<String> authenticatedBy() {
        return Optional.ofNullable(request).map(AccessRequest::authenticator);
    }

    /** The guard's denial, if it refused the request. */
    public Optional<Denial> denial() {
        return Optional.ofNullable(denial);
    }

    /** The endpoint loaded its object through {@link ObjectAccess}, which ran the object-level checks. */
    void objectChecked() {
        objectChecked = true;
    }

    /** An entity the request loaded, whose changes must be saved before the answer goes. */
    void loaded(SelfDirtinessTracker entity) {
        if (loaded == null) {
            loaded = new ArrayList<>();
        }
        loaded.add(entity);
    }

    /**
     * A loaded entity still holding changes when the answer is ready: one changed outside a transaction, or after
     * its transaction ended (a committed change is no longer dirty).
     */
    Optional<SelfDirtinessTracker> unsavedChange() {
        return loaded == null ? Optional.empty()
                : loaded.stream().filter(SelfDirtinessTracker::$$_hibernate_hasDirtyAttributes).findFirst();
    }

    /**
     * Whether the endpoint skipped the object-level checks it needed: its policy has object-level rules on a path
     * with a parameter ({@link EndpointPolicy#requiresObject}), and it never loaded the object through
     * {@link ObjectAccess}.
     */
    boolean objectCheckSkipped() {
        return policy != null && !objectChecked && policy.requiresObject();
    }

    /** Whether the guard has decided for this request (it has not, for example, before the filters ran). */
    boolean decided() {
        return request != null;
    }

    Credentials credentials() {
        return require(credentials);
    }

    public EndpointPolicy policy() {
        return require(policy);
    }

    public AccessRequest request() {
        return require(request);
    }

    public Caller caller() {
        return request().user();
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new IllegalStateException("The guard has not run for this request");
        }
        return value;
    }
}
