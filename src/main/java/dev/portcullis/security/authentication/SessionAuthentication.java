package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.RequestRefused;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * DRF's {@code SessionAuthentication}: the {@code sessionid} cookie; an unknown or expired session, or an
 * inactive user, leaves the request anonymous. Requests it authenticates with an unsafe method must carry the
 * session's CSRF token in the {@code csrftoken} cookie and the {@code X-CSRFToken} header, and come from a
 * trusted origin when they name one ({@link TrustedOrigins}), else 403 — unless the endpoint is CSRF-exempt. No {@code WWW-Authenticate}: where it comes first, refusals are 403.
 */
@Singleton
public class SessionAuthentication implements Authenticator {

    private final TrustedOrigins origins;

    public SessionAuthentication(TrustedOrigins origins) {
        this.origins = origins;
    }

    public static final String SESSION_COOKIE = "sessionid";
    public static final String CSRF_COOKIE = "csrftoken";
    public static final String CSRF_HEADER = "X-CSRFToken";
    /** The identity attribute holding the session's CSRF secret, set by the identity provider. */
    public static final String CSRF_SECRET = "portcullis.csrf-secret";

    @Override
    public String name() {
        return "SessionAuthentication";
    }

    @Override
    public String usage() {
        return "the sessionid cookie from POST /api/auth/login/, with the X-CSRFToken header on unsafe methods";
    }

    @Override
    public Optional<AuthenticationRequest> parse(Credentials credentials) {
        String key = credentials.cookie(SESSION_COOKIE);
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(new SessionRequest(key));
    }

    /** Django's CSRF check, as {@code SessionAuthentication.enforce_csrf} runs it. */
    @Override
    public void checkRequest(SecurityIdentity identity, Credentials credentials, String method, boolean csrfExempt) {
        if (csrfExempt || AccessRequest.SAFE_METHODS.contains(method)) {
            return;
        }
        origins.check(credentials);
        String cookie = credentials.cookie(CSRF_COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            throw new RequestRefused("CSRF Failed: CSRF cookie not set.", "The request is authenticated by its "
                    + "session cookie, so " + method + " needs the csrftoken cookie (GET /api/auth/csrf/ sets it) and "
                    + "its value in the X-CSRFToken header.");
        }
        String header = credentials.header(CSRF_HEADER);
        String secret = identity.getAttribute(CSRF_SECRET);
        if (header == null || !same(header, cookie) || !same(cookie, secret)) {
            throw new RequestRefused("CSRF Failed: CSRF token missing or incorrect.", header == null
                    ? "The request is authenticated by its session cookie, so " + method + " needs the X-CSRFToken "
                    + "header holding the csrftoken cookie's value."
                    : "The X-CSRFToken header must hold this session's csrftoken cookie value; the token rotates at "
                    + "login, so read the cookie again after logging in.");
        }
    }

    private static boolean same(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
