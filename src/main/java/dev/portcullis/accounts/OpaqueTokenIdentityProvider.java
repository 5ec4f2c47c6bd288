package dev.portcullis.accounts;

import dev.portcullis.security.authentication.OpaqueTokenRequest;
import dev.portcullis.security.authentication.RememberingIdentityProvider;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.Optional;


/**
 * Verifies {@code TokenAuthentication}'s keys against the stored hashes, with DRF's messages. A key seen
 * before is answered from the {@link CredentialCache} on the event loop, with no database round trip.
 */
@Singleton
public class OpaqueTokenIdentityProvider implements RememberingIdentityProvider<OpaqueTokenRequest> {

    private final Tokens tokens;
    private final CredentialCache cache;
    private final DeviceActivity activity;

    public OpaqueTokenIdentityProvider(Tokens tokens, CredentialCache cache, DeviceActivity activity) {
        this.tokens = tokens;
        this.cache = cache;
        this.activity = activity;
    }

    @Override
    public Class<OpaqueTokenRequest> getRequestType() {
        return OpaqueTokenRequest.class;
    }

    @Override
    public Optional<SecurityIdentity> remembered(OpaqueTokenRequest request) {
        Optional<SecurityIdentity> identity = cache.remembered(credential(request));
        identity.ifPresent(activity::used);
        return identity;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(OpaqueTokenRequest request, AuthenticationRequestContext context) {
        return rememberedOr(request, () -> verify(credential(request), request, context));
    }

    /**
     * The key itself: a verified key is remembered whole, so that a request with a key seen before needs no digest
     * (SHA-256 and its hex were a fifth of the guard's time); a refused one by its digest ({@link CredentialCache}).
     */
    private static String credential(OpaqueTokenRequest request) {
        return "token:" + request.key();
    }

    private Uni<SecurityIdentity> verify(String credential, OpaqueTokenRequest request, AuthenticationRequestContext context) {
        return activity.noted(cache.orLastKnown(credential, context.runBlocking(() -> {
            long ticket = cache.ticket();
            AuthToken token = tokens.find(request.key()).orElseThrow(() -> unknown(credential));
            User user = token.user;
            if (!user.active) {
                throw new AuthenticationFailure("User inactive or deleted.")
                        .withHint("The token belongs to user '" + user.username + "', whose account is inactive.");
            }
            SecurityIdentity identity = Identities.of(user, token.deviceId);
            cache.put(credential, identity, user.id, token.expiresAt == null ? null : token.expiresAt.toInstant(), ticket);
            return identity;
        })));
    }

    /**
     * No valid token has this key, and none ever will: keys are random and never issued twice, and a revoked
     * or expired token does not come back. So the answer is remembered.
     */
    private AuthenticationFailure unknown(String credential) {
        AuthenticationFailure failure = new AuthenticationFailure("Invalid token.")
                .withHint("No valid token has this key: it is unknown, was revoked, or has expired. "
                        + "Obtain a new one with POST /api/token/.");
        cache.reject(credential, failure);
        return failure;
    }
}
