package dev.portcullis.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.Devices;
import dev.portcullis.accounts.Tokens;
import dev.portcullis.accounts.User;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.SerializerInfo;
import dev.portcullis.security.guard.View;
import dev.portcullis.viewsets.Fields;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.web.Payload;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import dev.portcullis.security.throttle.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;
import java.util.function.Supplier;

import static dev.portcullis.viewsets.Fields.chars;

/** DRF's {@code obtain_auth_token}: a username and password (JSON or form) for a new token. */
@Path("/api/token/")
@Permissions(AllowAny.class)
public class TokenResource implements SerializerInfo {

    /** What OPTIONS says the body takes: DRF's {@code AuthTokenSerializer}. */
    private static final Map<String, Object> FIELDS = Fields.describe(chars("username"),
            chars("password").keepWhitespace(), chars("token").readOnly());

    public static final String BAD_CREDENTIALS = "Unable to log in with provided credentials.";

    private final Accounts accounts;
    private final Tokens tokens;
    private final ClientAddresses addresses;

    public TokenResource(Accounts accounts, Tokens tokens, ClientAddresses addresses) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @POST
    @View(name = "Obtain Auth Token")
    @APIResponse(responseCode = "200", description = "A new token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthBodies.AuthToken.class)))
    public Map<String, String> obtain(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.Credentials.class)))
            Payload payload, @Context HttpServerRequest connection) {
        SignIn signIn = authenticate(payload, accounts, connection, addresses);
        return Map.of("token", onANewDevice(() -> tokens.issue(signIn.user(), signIn.device())));
    }

    @Override
    public Map<String, Object> serializerInfo(String template) {
        return FIELDS;
    }

    /** Who signs in, and the name of the device they sign in on. */
    record SignIn(User user, String device) {
    }

    /**
     * DRF's {@code AuthTokenSerializer}: both fields required, then Django's {@code authenticate()}, under the
     * login rate.
     */
    static SignIn authenticate(Payload payload, Accounts accounts, HttpServerRequest connection,
                               ClientAddresses addresses) {
        String username = payload.text("username").required();
        String password = payload.text("password").keepWhitespace().required();
        String device = DeviceNames.of(payload, connection);
        payload.validate();
        User user = accounts.login(addresses.of(connection), username, password).orElseThrow(TokenResource::badCredentials);
        return new SignIn(user, device);
    }

    /** Signs in on a new device; a user deleted since the password matched is answered as credentials that match no one. */
    static <T> T onANewDevice(Supplier<T> signIn) {
        try {
            return signIn.get();
        } catch (Devices.UserGone deletedMeanwhile) {
            throw badCredentials();
        }
    }

    private static ValidationError badCredentials() {
        return ValidationError.of(ValidationError.NON_FIELD_ERRORS, BAD_CREDENTIALS);
    }
}
