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
    private final DeviceActivity activity;

    public SessionIdentityProvider(Sessions sessions, DeviceActivity activity) {
        this.sessions = sessions;
        this.activity = activity;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return activity.noted(context.runBlocking(() -> sessions.find(request.key())
                .filter(session -> session.user().active)
                .<SecurityIdentity>map(session -> QuarkusSecurityIdentity
                        .builder(Identities.of(session.user(), session.device()))
                        .addAttribute(SessionAuthentication.CSRF_SECRET, session.csrfSecret())
                        .build())
                .orElseGet(() -> QuarkusSecurityIdentity.builder().setAnonymous(true).build())));
    }
}
