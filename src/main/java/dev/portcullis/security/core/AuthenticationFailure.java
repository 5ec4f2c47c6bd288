package dev.portcullis.security.core;

import io.quarkus.security.AuthenticationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raised by an authenticator or an identity provider when a credential is present but wrong
 * (DRF's {@code AuthenticationFailed}). The guard turns it into a 401 or 403 {@link Denial},
 * since only the guard knows the endpoint's first authenticator. It is a Quarkus
 * {@code AuthenticationException}, so identity providers may raise it and Quarkus passes it on as it is.
 */
public final class AuthenticationFailure extends SecurityException implements AuthenticationException {

    private final String code;
    private final Map<String, Object> extraBody;
    private String hint;

    public AuthenticationFailure(String detail) {
        this(detail, "authentication_failed", Map.of());
    }

    public AuthenticationFailure(String detail, String code, Map<String, Object> extraBody) {
        super(detail);
        this.code = code;
        this.extraBody = new LinkedHashMap<>(extraBody);
    }

    /**
     * No stack trace: a refusal is an answer, not an error. Filling one in walked the request's deep stack for every
     * 401, and a remembered refusal (thrown again as it is, for every request that repeats the credential) kept its
     * frames as long as it was remembered.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public String detail() {
        return getMessage();
    }

    public String code() {
        return code;
    }

    /** What the client can do about it, for explained denials. */
    public AuthenticationFailure withHint(String hint) {
        this.hint = hint;
        return this;
    }

    public String hint() {
        return hint;
    }

    /** Fields that go into the body beside {@code detail} (SimpleJWT adds {@code code} and {@code messages}). */
    public Map<String, Object> extraBody() {
        return extraBody;
    }
}
