package dev.portcullis.security.authentication;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;

import java.util.Optional;

/**
 * DRF's {@code BaseAuthentication}, split the Quarkus way: an authenticator only reads the credential
 * from the request; a Quarkus {@code IdentityProvider} verifies it and builds the identity.
 * Implementations are stateless CDI beans.
 */
public interface Authenticator {

    /** The class's name in DRF's spelling, e.g. {@code TokenAuthentication}; declarations and {@code /api/me/} use it. */
    String name();

    /**
     * Reads the request's credential.
     *
     * @return the request for an identity provider, or empty when this class does not apply
     *         (no credential of its kind: the next class is tried, the request may stay anonymous)
     * @throws dev.portcullis.security.core.AuthenticationFailure when the credential is of this class's kind but malformed
     */
    Optional<AuthenticationRequest> parse(Credentials credentials);

    /** How a client sends this class's credential, e.g. {@code Authorization: Token <key>}, for explanations. */
    String usage();

    /**
     * A last look at a request this class has authenticated, e.g. {@code SessionAuthentication}'s CSRF check.
     *
     * @param csrfExempt whether the endpoint is exempt from CSRF checks
     * @throws dev.portcullis.security.core.RequestRefused to refuse the request (403)
     */
    default void checkRequest(SecurityIdentity identity, Credentials credentials, String method, boolean csrfExempt) {
    }

    /** The {@code Authorization} keyword this class reads, e.g. {@code Token}; empty for a class that reads none. */
    default Optional<String> keyword() {
        return Optional.empty();
    }

    /**
     * What this class's credential is, in words, e.g. {@code an opaque token key (40 hexadecimal characters)}, and
     * whether a value has that shape — so that an explanation can tell a credential sent under the wrong keyword,
     * or in the wrong place, from a wrong one.
     */
    default String credentialName() {
        return "a " + name() + " credential";
    }

    /** Whether the value has the shape of this class's credential (see {@link #credentialName()}). */
    default boolean recognizes(String value) {
        return false;
    }

    /**
     * What this class still needs to be configured with, e.g. {@code portcullis.oidc.issuer is not set}: a declaration
     * that names a class that is not configured is refused at start-up.
     */
    default Optional<String> unconfigured() {
        return Optional.empty();
    }

    /** DRF's {@code authenticate_header}: the {@code WWW-Authenticate} value, or {@code null} for none (a 403 then). */
    default String wwwAuthenticate() {
        return null;
    }
}
