package dev.portcullis.security.authentication;

import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * An identity provider's opaque access tokens, checked by its introspection endpoint (RFC 7662,
 * {@code portcullis.introspection.endpoint}). Tokens shaped as JWTs are left to the classes that verify them.
 */
@Singleton
public class IntrospectionAuthentication extends ProviderTokenAuthentication {

    public IntrospectionAuthentication(@ConfigProperty(name = "portcullis.introspection.endpoint") Optional<URI> endpoint) {
        super(endpoint.map(URI::toString), "portcullis.introspection.endpoint");
    }

    @Override
    public String name() {
        return "IntrospectionAuthentication";
    }

    @Override
    boolean takes(String token) {
        return !jwtShaped(token);
    }

    @Override
    AuthenticationRequest request(String token) {
        return new ProviderTokenRequest(token, false);
    }

    @Override
    public String usage() {
        return "Authorization: Bearer <the identity provider's opaque access token>";
    }

    @Override
    public String credentialName() {
        return "an identity provider's opaque access token";
    }
}
