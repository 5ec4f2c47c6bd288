package dev.portcullis.security.authentication;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An opaque API token, as read from {@code Authorization: Token <key>}, for an identity provider to verify. */
public final class OpaqueTokenRequest extends BaseAuthenticationRequest {

    private final String key;

    public OpaqueTokenRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
