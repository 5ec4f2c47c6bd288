package dev.portcullis.accounts;

import dev.portcullis.security.authentication.OpaqueTokenRequest;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** Verifies {@code TokenAuthentication}'s keys against the stored hashes, with DRF's messages. */
@Singleton
public class OpaqueTokenIdentityProvider implements IdentityProvider<OpaqueTokenRequest> {

    private final Tokens tokens;

    public OpaqueTokenIdentityProvider(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<OpaqueTokenRequest> getRequestType() {
        return OpaqueTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(OpaqueTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            User user = tokens.userOf(request.key()).orElseThrow(() -> new AuthenticationFailure("Invalid token.")
                    .withHint("No valid token has this key: it is unknown, was revoked, or has expired. "
                            + "Obtain a new one with POST /api/token/."));
            if (!user.active) {
                throw new AuthenticationFailure("User inactive or deleted.")
                        .withHint("The token belongs to user '" + user.username + "', whose account is inactive.");
            }
            return Identities.of(user);
        });
    }
}
