package dev.portcullis.security.authentication;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session key, as read from the {@code sessionid} cookie, for an identity provider to look up. */
public final class SessionRequest extends BaseAuthenticationRequest {

    private final String key;

    public SessionRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
