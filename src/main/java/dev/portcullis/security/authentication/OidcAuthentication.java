package dev.portcullis.security.authentication;

import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * An OpenID provider's JWT access tokens ({@code portcullis.oidc.issuer}), verified by the keys it publishes. The
 * service's own JWTs (signed with its key ids) are left to {@code JWTAuthentication}, so both can be listed: this
 * class first.
 */
@Singleton
public class OidcAuthentication extends ProviderTokenAuthentication {

    public OidcAuthentication(@ConfigProperty(name = "portcullis.oidc.issuer") Optional<String> issuer) {
        super(issuer, "portcullis.oidc.issuer");
    }

    @Override
    public String name() {
        return "OidcAuthentication";
    }

    @Override
    boolean takes(String token) {
        return jwtShaped(token);
    }

    @Override
    AuthenticationRequest request(String token) {
        return new ProviderTokenRequest(token, true);
    }

    @Override
    public boolean recognizes(String value) {
        return jwtShaped(value);
    }

    @Override
    public String usage() {
        return "Authorization: Bearer <the identity provider's access token>";
    }

    @Override
    public String credentialName() {
        return "an identity provider's JWT access token";
    }
}
