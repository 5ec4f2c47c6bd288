package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.Devices;
import dev.portcullis.accounts.JwtBlacklist;
import dev.portcullis.accounts.JwtTokens;
import dev.portcullis.accounts.TokenError;
import dev.portcullis.accounts.User;
import dev.portcullis.security.authentication.JwtAuthentication;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.Authentication;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.SerializerInfo;
import dev.portcullis.security.guard.View;
import dev.portcullis.viewsets.Fields;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.web.Payload;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import io.vertx.core.http.HttpServerRequest;
import dev.portcullis.security.throttle.ClientAddresses;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import java.util.Map;

import static dev.portcullis.viewsets.Fields.chars;

/**
 * SimpleJWT's views: obtain a pair, refresh it (rotating the refresh token and blacklisting the old one),
 * verify a token, blacklist a refresh token. No authentication classes, but their 401s carry
 * {@code WWW-Authenticate: Bearer realm="api"}, as SimpleJWT's views do.
 */
@Path("/api/jwt/")
@APIResponse(responseCode = "401", description = "A credential or token that is not valid (SimpleJWT's words), with "
        + "WWW-Authenticate: Bearer realm=\"api\".", content = @Content(mediaType = APPLICATION_JSON,
        schema = @Schema(ref = "Error")))
@Authentication({})
@Permissions(AllowAny.class)
public class JwtResource implements SerializerInfo {

    /** What OPTIONS says each endpoint's body takes: SimpleJWT's serializers. */
    private static final Map<String, Map<String, Object>> FIELDS = Map.of(
            "/api/jwt/create/", Fields.describe(chars("username"), chars("password").keepWhitespace()),
            "/api/jwt/refresh/", Fields.describe(chars("refresh"), chars("access").readOnly()),
            "/api/jwt/verify/", Fields.describe(chars("token")),
            "/api/jwt/blacklist/", Fields.describe(chars("refresh")));

    /** An access token and a refresh token. */
    @Schema(name = "TokenPair")
    public record Pair(String access, String refresh) {
    }

    private final Accounts accounts;
    private final JwtTokens tokens;
    private final JwtBlacklist blacklist;
    private final String wwwAuthenticate;
    private final ClientAddresses addresses;
    private final Devices devices;

    public JwtResource(Accounts accounts, JwtTokens tokens, JwtBlacklist blacklist, JwtAuthentication jwt,
                       ClientAddresses addresses, Devices devices) {
        this.accounts = accounts;
        this.devices = devices;
        this.addresses = addresses;
        this.tokens = tokens;
        this.blacklist = blacklist;
        this.wwwAuthenticate = jwt.wwwAuthenticate();
    }

    @POST
    @Path("create/")
    @View(name = "Token Obtain Pair", description = "Takes a set of user credentials and returns an access and refresh "
            + "JSON web\ntoken pair to prove the authentication of those credentials.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(implementation = Pair.class)))
    public Pair create(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.Credentials.class)))
            Payload payload, @Context HttpServerRequest connection) {
        String username = payload.text("username").required();
        String password = payload.text("password").required();
        String device = DeviceNames.of(payload, connection);
        payload.validate();
        User user = accounts.login(addresses.of(connection), username, password).orElseThrow(this::noActiveAccount);
        try {
            return pair(user.id, devices.open(user.id, Devices.Kind.JWT, device, tokens.refreshExpiry()));
        } catch (Devices.UserGone deletedMeanwhile) {
            throw noActiveAccount();
        }
    }

    @POST
    @Path("refresh/")
    @View(name = "Token Refresh", description = "Takes a refresh type JSON web token and returns an access type JSON "
            + "web\ntoken if the refresh token is valid.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(implementation = Pair.class)))
    @Transactional
    public Pair refresh(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.RefreshToken.class)))
            Payload payload, @Context HttpServerRequest connection) {
        JwtTokens.Claims refresh = refreshToken(payload);
        if (refresh.userId() == null) {
            throw invalidToken("Token contained no recognizable user identification");
        }
        User user = User.findById(refresh.userId());
        if (user == null || !user.active) {
            // SimpleJWT 5.3's TokenRefreshSerializer: a deactivated (or deleted) user gets no new tokens.
            throw unauthorized(new ApiException(401, "No active account found for the given token.", "no_active_account"));
        }
        if (!devices.signedIn(user, refresh, true) || !blacklist.add(refresh)) {
            throw invalidToken("Token is blacklisted");
        }
        long device;
        if (refresh.deviceId() != null) {
            device = refresh.deviceId();
            devices.extend(device, tokens.refreshExpiry());
        } else {
            // A family begun before devices were kept becomes one at its first rotation.
            device = devices.open(user.id, Devices.Kind.JWT, DeviceNames.of(Payload.empty(), connection),
                    tokens.refreshExpiry());
        }
        return pair(user.id, device);
    }

    @POST
    @Path("verify/")
    @View(name = "Token Verify", description = "Takes a token and indicates if it is valid.  This view provides no\n"
            + "information about a token's fitness for a particular use.")
    @APIResponse(responseCode = "200", description = "OK: {}",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Map<String, Object> verify(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.TokenToVerify.class)))
            Payload payload) {
        String raw = payload.text("token").required();
        payload.validate();
        JwtTokens.Claims token = validate(raw, null);
        if (blacklist.contains(token.jti()) || signedOut(token)) {
            throw ValidationError.of(ValidationError.NON_FIELD_ERRORS, "Token is blacklisted");
        }
        return Map.of();
    }

    @POST
    @Path("blacklist/")
    @View(name = "Token Blacklist", description = "Takes a token and blacklists it. Must be used with the\n"
            + "`rest_framework_simplejwt.token_blacklist` app installed.")
    @APIResponse(responseCode = "200", description = "OK: {}",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Transactional
    public Map<String, Object> blacklist(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.RefreshToken.class)))
            Payload payload) {
        JwtTokens.Claims refresh = refreshToken(payload);
        blacklist.add(refresh);
        if (refresh.deviceId() != null) {
            devices.retire(refresh.deviceId());
        }
        return Map.of();
    }

    @Override
    public Map<String, Object> serializerInfo(String template) {
        return FIELDS.get(template);
    }

    /**
     * Whether the token's device was signed out. A token whose user is gone is not: SimpleJWT's verify does not look
     * at the user, and its blacklist outlives them.
     */
    private boolean signedOut(JwtTokens.Claims token) {
        User user = token.userId() == null ? null : User.findById(token.userId());
        return user != null && !devices.signedIn(user, token, false);
    }

    /** SimpleJWT's {@code RefreshToken(raw)}: valid, of the refresh type, and not blacklisted. */
    private JwtTokens.Claims refreshToken(Payload payload) {
        String raw = payload.text("refresh").required();
        payload.validate();
        JwtTokens.Claims refresh = validate(raw, JwtTokens.Type.REFRESH);
        if (blacklist.contains(refresh.jti())) {
            throw invalidToken("Token is blacklisted");
        }
        return refresh;
    }

    private JwtTokens.Claims validate(String raw, JwtTokens.Type type) {
        try {
            return tokens.validate(raw, type);
        } catch (TokenError e) {
            throw invalidToken(e.getMessage());
        }
    }

    private Pair pair(long userId, long device) {
        return new Pair(tokens.issue(userId, JwtTokens.Type.ACCESS, device),
                tokens.issue(userId, JwtTokens.Type.REFRESH, device));
    }

    /** SimpleJWT's {@code InvalidToken}. */
    private ApiException invalidToken(String message) {
        return unauthorized(new ApiException(401, message, "token_not_valid").withField("code", "token_not_valid"));
    }

    /** SimpleJWT's answer to credentials that match no active account. */
    private ApiException noActiveAccount() {
        return unauthorized(new ApiException(401, "No active account found with the given credentials", "no_active_account"));
    }

    private ApiException unauthorized(ApiException error) {
        return error.withHeader("WWW-Authenticate", wwwAuthenticate);
    }
}
