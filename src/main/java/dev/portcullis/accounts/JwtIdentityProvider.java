package dev.portcullis.accounts;

import dev.portcullis.security.authentication.JwtRequest;
import dev.portcullis.security.authentication.RememberingIdentityProvider;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies access tokens for {@code JWTAuthentication}, with SimpleJWT's bodies for every failure. A token
 * verified before is answered from the {@link CredentialCache} until it expires or its user changes: no
 * signature check and no database round trip on the hot path.
 */
@Singleton
public class JwtIdentityProvider implements RememberingIdentityProvider<JwtRequest> {

    private static final String NOT_VALID = "token_not_valid";

    private final JwtTokens tokens;
    private final CredentialCache cache;
    private final Devices devices;
    private final DeviceActivity activity;

    public JwtIdentityProvider(JwtTokens tokens, CredentialCache cache, Devices devices, DeviceActivity activity) {
        this.tokens = tokens;
        this.cache = cache;
        this.devices = devices;
        this.activity = activity;
    }

    @Override
    public Class<JwtRequest> getRequestType() {
        return JwtRequest.class;
    }

    @Override
    public Optional<SecurityIdentity> remembered(JwtRequest request) {
        Optional<SecurityIdentity> identity = cache.remembered("jwt:" + request.token());
        identity.ifPresent(activity::used);
        return identity;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(JwtRequest request, AuthenticationRequestContext context) {
        return rememberedOr(request, () -> verify("jwt:" + request.token(), request, context));
    }

    private Uni<SecurityIdentity> verify(String credential, JwtRequest request, AuthenticationRequestContext context) {
        return activity.noted(cache.orLastKnown(credential, context.runBlocking(() -> {
            long ticket = cache.ticket();
            JwtTokens.Claims claims = validate(credential, request.token());
            if (claims.userId() == null) {
                throw failure("Token contained no recognizable user identification", NOT_VALID);
            }
            User user = QuarkusTransaction.joiningExisting().call(() -> User.<User>findById(claims.userId()));
            if (user == null) {
                throw failure("User not found", "user_not_found")
                        .withHint("The token names user id " + claims.userId() + ", which does not exist.");
            }
            if (!user.active) {
                throw failure("User is inactive", "user_inactive")
                        .withHint("The token belongs to user '" + user.username + "', whose account is inactive.");
            }
            if (!devices.signedIn(user, claims, false)) {
                throw invalid("Token is blacklisted").withHint("The device this token belongs to was signed out "
                        + "(DELETE /api/auth/devices/{id}/, or POST /api/auth/logout-all/): log in again with "
                        + "POST /api/jwt/create/.");
            }
            SecurityIdentity identity = claims.deviceId() == null ? Identities.of(user) : Identities.of(user, claims.deviceId());
            cache.put(credential, identity, user.id, claims.expiresAt(), ticket);
            return identity;
        })));
    }

    /**
     * SimpleJWT's {@code get_validated_token}: the one token class tried is {@code AccessToken}. A token that
     * fails is remembered as failing: a JWT cannot change, and one that has expired stays expired.
     */
    private JwtTokens.Claims validate(String credential, String raw) {
        try {
            return tokens.validate(raw, JwtTokens.Type.ACCESS);
        } catch (TokenError e) {
            AuthenticationFailure failure = invalid(e.getMessage()).withHint(hintFor(e.getMessage()));
            cache.reject(credential, failure);
            throw failure;
        }
    }

    /** SimpleJWT's {@code InvalidToken} from {@code get_validated_token}, the one token class tried saying why. */
    private static AuthenticationFailure invalid(String why) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token_class", JwtTokens.Type.ACCESS.tokenClass);
        message.put("token_type", JwtTokens.Type.ACCESS.claim);
        message.put("message", why);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", NOT_VALID);
        body.put("messages", List.of(message));
        return new AuthenticationFailure("Given token not valid for any token type", NOT_VALID, body);
    }

    private static String hintFor(String message) {
        return switch (message) {
            case "Token has wrong type" -> "A refresh token was sent where an access token is needed: exchange it "
                    + "for an access token with POST /api/jwt/refresh/.";
            case TokenError.INVALID_OR_EXPIRED -> "The access token is malformed, expired, or not signed by a key this "
                    + "service trusts: refresh it with POST /api/jwt/refresh/, or log in again with POST /api/jwt/create/.";
            default -> "The access token lacks a claim SimpleJWT requires (" + message + "): use a token issued by "
                    + "POST /api/jwt/create/.";
        };
    }

    private static AuthenticationFailure failure(String detail, String code) {
        return new AuthenticationFailure(detail, code, Map.of("code", code));
    }
}
