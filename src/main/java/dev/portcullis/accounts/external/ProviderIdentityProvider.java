package dev.portcullis.accounts.external;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portcullis.accounts.CredentialCache;
import dev.portcullis.accounts.JwtTokens;
import dev.portcullis.accounts.Identities;
import dev.portcullis.accounts.User;
import dev.portcullis.security.authentication.ProviderTokenRequest;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jose4j.jwx.JsonWebStructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Verifies an external provider's access tokens — JWTs by its keys ({@code OidcAuthentication}), opaque ones by its
 * introspection endpoint ({@code IntrospectionAuthentication}) — and answers with the local user they stand for
 * ({@link ExternalUsers}). A verified token is answered from the {@link CredentialCache} until it expires (or its user
 * changes), so the provider is asked once per token; a refusal that lasts is remembered as well, an introspection's
 * refusal for {@code portcullis.introspection.refusal-cache-ttl}.
 */
@Singleton
public class ProviderIdentityProvider implements IdentityProvider<ProviderTokenRequest> {

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
        ProviderHttp http = new ProviderHttp(settings.timeout);
        this.jwts = settings.issuer.map(issuer -> new OidcTokens(settings, new ProviderKeys(issuer, settings.jwksUri,
                http, settings.minRefetchInterval, settings.keysMaxAge)));
        this.introspection = settings.introspectionEndpoint.map(endpoint -> new Introspection(settings, http));
        this.inactive = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.introspectionRefusalTtl).build();
    }

    @Override
    public Class<ProviderTokenRequest> getRequestType() {
        return ProviderTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ProviderTokenRequest request, AuthenticationRequestContext context) {
        if (request.jwt() && ownTokens.ownKey(keyId(request.token()))) {
            // The service's own token: JWTAuthentication's to verify, when the endpoint lists it.
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        }
        String credential = (request.jwt() ? "oidc:" : "introspected:") + sha256(request.token());
        AuthenticationFailure refused = inactive.getIfPresent(credential);
        if (refused != null) {
            return Uni.createFrom().failure(refused);
        }
        return cache.known(credential).orElseGet(() -> context.runBlocking(() -> {
            long ticket = cache.ticket();
            Verified verified = request.jwt() ? verifyJwt(credential, request.token()) : introspect(credential, request.token());
            User user = users.userOf(verified.claims());
            SecurityIdentity identity = Identities.of(user);
            Instant cap = Instant.now().plus(settings.introspectionCacheTtl);
            Instant until = request.jwt() || verified.expiresAt() != null && verified.expiresAt().isBefore(cap)
                    ? verified.expiresAt() : cap;
            cache.put(credential, identity, user.id, until, ticket);
            return identity;
        }));
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
            inactive.put(credential, failure);
            return failure;
        });
        return new Verified(active.claims(), active.expiresAt());
    }

    private static String keyId(String token) {
        try {
            return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        } catch (org.jose4j.lang.JoseException e) {
            return null;
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
