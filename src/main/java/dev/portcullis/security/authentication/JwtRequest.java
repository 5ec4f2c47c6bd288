package dev.portcullis.security.authentication;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A JWT as read from {@code Authorization: Bearer <jwt>}, for an identity provider to verify. */
public final class JwtRequest extends BaseAuthenticationRequest {

    private final String token;

    public JwtRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
