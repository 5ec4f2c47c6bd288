package dev.portcullis.security.authentication;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An identity provider's access token as read from {@code Authorization: Bearer}, for its identity provider. */
public final class ProviderTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final boolean jwt;

    public ProviderTokenRequest(String token, boolean jwt) {
        this.token = token;
        this.jwt = jwt;
    }

    public String token() {
        return token;
    }

    /** A JWT to verify by the provider's keys; else an opaque token to introspect. */
    public boolean jwt() {
        return jwt;
    }
}
