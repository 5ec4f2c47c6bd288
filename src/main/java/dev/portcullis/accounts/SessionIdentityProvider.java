package dev.portcullis.accounts;

import dev.portcullis.security.authentication.SessionAuthentication;
import dev.portcullis.security.authentication.SessionRequest;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Looks up {@code SessionAuthentication}'s sessions. As in DRF, a session that is unknown, expired or whose
 * user is inactive does not fail the request: it leaves it anonymous (an anonymous identity).
 */
@Singleton
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    private final Sessions sessions;

    public SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.key())
                .filter(session -> session.user().active)
                .<SecurityIdentity>map(session -> QuarkusSecurityIdentity.builder(Identities.of(session.user()))
                        .addAttribute(SessionAuthentication.CSRF_SECRET, session.csrfSecret())
                        .build())
                .orElseGet(() -> QuarkusSecurityIdentity.builder().setAnonymous(true).build()));
    }
}
