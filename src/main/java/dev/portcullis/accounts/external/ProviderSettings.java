package dev.portcullis.accounts.external;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the service trusts an external OpenID provider: its JWTs ({@code portcullis.oidc.*}) and introspection. */
@Singleton
public class ProviderSettings {

    final Optional<String> issuer;
    final Optional<URI> jwksUri;
    final Optional<List<String>> audience;
    final List<String> algorithms;
    final Duration leeway;
    final String usernameClaim;
    final Optional<String> groupsClaim;
    final boolean createUsers;
    final Duration minRefetchInterval;
    final Duration keysMaxAge;
    final Duration timeout;
    final Optional<URI> introspectionEndpoint;
    final Optional<String> clientId;
    final Optional<String> clientSecret;
    final Duration introspectionCacheTtl;
    final Duration introspectionRefusalTtl;

    public ProviderSettings(
            @ConfigProperty(name = "portcullis.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "portcullis.oidc.jwks-uri") Optional<URI> jwksUri,
            @ConfigProperty(name = "portcullis.oidc.audience") Optional<List<String>> audience,
            @ConfigProperty(name = "portcullis.oidc.algorithms", defaultValue = "RS256") List<String> algorithms,
            @ConfigProperty(name = "portcullis.oidc.leeway", defaultValue = "30S") Duration leeway,
            @ConfigProperty(name = "portcullis.oidc.username-claim", defaultValue = "sub") String usernameClaim,
            @ConfigProperty(name = "portcullis.oidc.groups-claim") Optional<String> groupsClaim,
            @ConfigProperty(name = "portcullis.oidc.create-users", defaultValue = "false") boolean createUsers,
            @ConfigProperty(name = "portcullis.oidc.min-refetch-interval", defaultValue = "30S") Duration minRefetchInterval,
            @ConfigProperty(name = "portcullis.oidc.keys-max-age", defaultValue = "1H") Duration keysMaxAge,
            @ConfigProperty(name = "portcullis.oidc.timeout", defaultValue = "3S") Duration timeout,
            @ConfigProperty(name = "portcullis.introspection.endpoint") Optional<URI> introspectionEndpoint,
            @ConfigProperty(name = "portcullis.introspection.client-id") Optional<String> clientId,
            @ConfigProperty(name = "portcullis.introspection.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "portcullis.introspection.cache-ttl", defaultValue = "5M") Duration introspectionCacheTtl,
            @ConfigProperty(name = "portcullis.introspection.refusal-cache-ttl", defaultValue = "10S")
            Duration introspectionRefusalTtl) {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.audience = audience;
        this.algorithms = List.copyOf(algorithms);
        this.leeway = leeway;
        this.usernameClaim = usernameClaim;
        this.groupsClaim = groupsClaim;
        this.createUsers = createUsers;
        this.minRefetchInterval = minRefetchInterval;
        this.keysMaxAge = keysMaxAge;
        this.timeout = timeout;
        this.introspectionEndpoint = introspectionEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.introspectionCacheTtl = introspectionCacheTtl;
        this.introspectionRefusalTtl = introspectionRefusalTtl;
        if (algorithms.stream().anyMatch(a -> a.equalsIgnoreCase("none") || a.startsWith("HS"))) {
            throw new IllegalStateException("portcullis.oidc.algorithms: " + algorithms + " — 'none' and the HMAC "
                    + "algorithms cannot verify a provider's tokens by its published keys; use RS256, ES256, PS256, EdDSA…");
        }
    }

    /** The discovery document of an issuer (OpenID Connect Discovery 1.0, section 4). */
    static URI discoveryUri(String issuer) {
        return URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }
}
