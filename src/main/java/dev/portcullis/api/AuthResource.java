package dev.portcullis.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.Devices;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.accounts.Sessions;
import dev.portcullis.accounts.User;
import dev.portcullis.security.authentication.SessionAuthentication;
import dev.portcullis.security.guard.Authentication;
import dev.portcullis.security.guard.OriginChecked;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.web.Payload;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import dev.portcullis.security.throttle.ClientAddresses;
import jakarta.ws.rs.POST;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

/** Browser sign-in: a session cookie and a CSRF token, as Django's login view and {@code get_token} give them. */
@Path("/api/auth/")
public class AuthResource {

    private static final int CSRF_COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

    private final Accounts accounts;
    private final Sessions sessions;
    private final boolean secureCookies;
    private final ClientAddresses addresses;
    private final Devices devices;
    private final GuardContext guard;

    public AuthResource(Accounts accounts, Sessions sessions, ClientAddresses addresses, Devices devices,
                        GuardContext guard,
                        @ConfigProperty(name = "portcullis.session.secure-cookies", defaultValue = "false") boolean secure) {
        this.accounts = accounts;
        this.devices = devices;
        this.guard = guard;
        this.addresses = addresses;
        this.sessions = sessions;
        this.secureCookies = secure;
    }

    /** Opens a session; the CSRF token rotates. */
    @POST
    @Path("login/")
    @Authentication({})
    @Permissions(AllowAny.class)
    @OriginChecked
    public Response login(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.Credentials.class)))
            Payload payload, @Context HttpServerRequest connection) {
        TokenResource.SignIn signIn = TokenResource.authenticate(payload, accounts, connection, addresses);
        Sessions.Opened session = TokenResource.onANewDevice(() -> sessions.open(signIn.user(), signIn.device()));
        return Response.ok(Map.of("username", signIn.user().username))
                .cookie(cookie(SessionAuthentication.SESSION_COOKIE, session.key(), (int) session.lifetime().toSeconds(), true),
                        cookie(SessionAuthentication.CSRF_COOKIE, session.csrfSecret(), CSRF_COOKIE_AGE, false))
                .build();
    }

    /** Ends the session, on every replica. A session-authenticated logout needs its CSRF token, as in DRF. */
    @POST
    @Path("logout/")
    @Permissions(AllowAny.class)
    public Response logout(@CookieParam(SessionAuthentication.SESSION_COOKIE) String key) {
        if (key != null && !key.isBlank()) {
            sessions.close(key);
        }
        return Response.ok(Map.of())
                .cookie(cookie(SessionAuthentication.SESSION_COOKIE, "", 0, true))
                .build();
    }

    /**
     * Signs the caller out everywhere, this device included: every token, session and JWT family of theirs is refused
     * on every replica within a second.
     */
    @POST
    @Path("logout-all/")
    @Permissions(IsAuthenticated.class)
    @APIResponse(responseCode = "204", description = "Signed out everywhere")
    public Response logoutAll() {
        devices.signOutAll(guard.caller().id());
        return Response.noContent()
                .cookie(cookie(SessionAuthentication.SESSION_COOKIE, "", 0, true))
                .build();
    }

    /** The CSRF token for the current session (or a fresh one before login), also set as the cookie. */
    @GET
    @Path("csrf/")
    @Authentication({})
    @Permissions(AllowAny.class)
    public Response csrf(@CookieParam(SessionAuthentication.SESSION_COOKIE) String key) {
        String token = key == null || key.isBlank() ? sessions.newCsrfSecret()
                : sessions.find(key).map(Sessions.Session::csrfSecret).orElseGet(sessions::newCsrfSecret);
        return Response.ok(Map.of("csrfToken", token))
                .cookie(cookie(SessionAuthentication.CSRF_COOKIE, token, CSRF_COOKIE_AGE, false))
                .build();
    }

    private NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(httpOnly)
                .secure(secureCookies).sameSite(NewCookie.SameSite.LAX).build();
    }
}
