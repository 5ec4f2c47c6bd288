package dev.portcullis.accounts.external;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portcullis.accounts.CredentialCache;
import dev.portcullis.accounts.JwtTokens;
import dev.portcullis.accounts.Identities;
import dev.portcullis.accounts.User;
import dev.portcullis.security.authentication.ProviderTokenRequest;
import dev.portcullis.security.authentication.RememberingIdentityProvider;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Verifies an external provider's access tokens — JWTs by its keys ({@code OidcAuthentication}), opaque ones by its
 * introspection endpoint ({@code IntrospectionAuthentication}) — and answers with the local user they stand for
 * ({@link ExternalUsers}). A verified token is answered from the {@link CredentialCache} until it expires (or its user
 * changes), so the provider is asked once per token; a refusal that lasts is remembered as well, an introspection's
 * refusal for {@code portcullis.introspection.refusal-cache-ttl}.
 */
@Singleton
public class ProviderIdentityProvider implements RememberingIdentityProvider<ProviderTokenRequest> {

    private final ProviderSettings settings;
    private final CredentialCache cache;
    private final ExternalUsers users;
    private final JwtTokens ownTokens;
    private final Optional<OidcTokens> jwts;
    private final Optional<Introspection> introspection;
    private final Cache<String, AuthenticationFailure> inactive;

    public ProviderIdentityProvider(ProviderSettings settings, CredentialCache cache, ExternalUsers users,
                                    JwtTokens ownTokens) {
        this.settings = settings;
        this.cache = cache;
        this.users = users;
        this.ownTokens = ownTokens;
        // An HTTP client only where a provider is configured: Quarkus makes every identity provider at start-up.
        Optional<ProviderHttp> http = settings.issuer.isPresent() || settings.introspectionEndpoint.isPresent()
                ? Optional.of(new ProviderHttp(settings.timeout)) : Optional.empty();
        this.jwts = settings.issuer.map(issuer -> new OidcTokens(settings, new ProviderKeys(issuer, settings.jwksUri,
                http.orElseThrow(), settings.minRefetchInterval, settings.keysMaxAge)));
        this.introspection = settings.introspectionEndpoint.map(endpoint -> new Introspection(settings, http.orElseThrow()));
        this.inactive = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.introspectionRefusalTtl).build();
    }

    @Override
    public Class<ProviderTokenRequest> getRequestType() {
        return ProviderTokenRequest.class;
    }

    /**
     * The cache is asked first, by the token itself (a verified token costs one lookup); on a miss, the service's own
     * JWTs are told apart by their key id and left to {@code JWTAuthentication}.
     */
    @Override
    public Optional<SecurityIdentity> remembered(ProviderTokenRequest request) {
        String credential = credential(request);
        Optional<SecurityIdentity> known = cache.remembered(credential);
        if (known.isPresent()) {
            return known;
        }
        if (request.jwt() && ownTokens.ownKey(JwsHeaders.keyId(request.token()))) {
            return Optional.of(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        }
        AuthenticationFailure refused = inactive.getIfPresent(CredentialCache.refusalKey(credential));
        if (refused != null) {
            throw refused;
        }
        return Optional.empty();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ProviderTokenRequest request, AuthenticationRequestContext context) {
        return rememberedOr(request, () -> verify(credential(request), request, context));
    }

    private static String credential(ProviderTokenRequest request) {
        return (request.jwt() ? "oidc:" : "introspected:") + request.token();
    }

    private Uni<SecurityIdentity> verify(String credential, ProviderTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            long ticket = cache.ticket();
            Verified verified = request.jwt() ? verifyJwt(credential, request.token()) : introspect(credential, request.token());
            User user = users.userOf(verified.claims());
            SecurityIdentity identity = Identities.of(user);
            Instant cap = Instant.now().plus(settings.introspectionCacheTtl);
            Instant until = request.jwt() || verified.expiresAt() != null && verified.expiresAt().isBefore(cap)
                    ? verified.expiresAt() : cap;
            cache.put(credential, identity, user.id, until, ticket);
            return identity;
        });
    }

    private record Verified(java.util.Map<String, Object> claims, Instant expiresAt) {
    }

    private Verified verifyJwt(String credential, String token) {
        try {
            OidcTokens.Verified verified = jwts.orElseThrow().verify(token);
            return new Verified(verified.claims(), verified.expiresAt());
        } catch (OidcTokens.Refusal refusal) {
            if (refusal.lasting) {
                cache.reject(credential, refusal.failure);
            }
            throw refusal.failure;
        }
    }

    private Verified introspect(String credential, String token) {
        Introspection endpoint = introspection.orElseThrow();
        Introspection.Active active = endpoint.introspect(token).filter(endpoint::fromTheProvider).orElseThrow(() -> {
            AuthenticationFailure failure = ExternalUsers.refused("The identity provider says this token is not active: "
                    + "it expired, was revoked, or was never issued. Sign in with the provider again.");
            inactive.put(CredentialCache.refusalKey(credential), failure);
            return failure;
        });
        return new Verified(active.claims(), active.expiresAt());
    }

}
