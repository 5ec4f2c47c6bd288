package dev.portcullis.accounts;

import dev.portcullis.security.core.Causes;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SimpleJWT's token classes on smallrye-jwt: issues access and refresh tokens (RS256, with {@code jti},
 * {@code token_type} and {@code user_id} claims) and validates them with SimpleJWT's messages. Signature,
 * algorithm, expiry, not-before, issuer and audience are checked by smallrye-jwt; a failure there is
 * SimpleJWT's "Token is invalid or expired".
 */
public final class JwtTokens {

    /** SimpleJWT's token classes. */
    public enum Type {
        ACCESS("access", "AccessToken"), REFRESH("refresh", "RefreshToken");

        public final String claim;
        public final String tokenClass;

        Type(String claim, String tokenClass) {
            this.claim = claim;
            this.tokenClass = tokenClass;
        }
    }

    /**
     * What a valid token says.
     *
     * @param deviceId the device — the refresh family — the token belongs to; {@code null} in a token issued before
     *                 devices were kept
     */
    public record Claims(String jti, Long userId, String tokenType, Instant expiresAt, Instant issuedAt, Long deviceId) {
    }

    /** SimpleJWT's settings: lifetimes, optional issuer and audience, and the clock skew allowed. */
    public record Settings(Duration accessLifetime, Duration refreshLifetime, Optional<String> issuer,
                           Optional<String> audience, Duration leeway) {
    }

    public static final String TOKEN_TYPE = "token_type";
    public static final String USER_ID = "user_id";
    public static final String JTI = "jti";
    /** The device a token's refresh family signs in ({@link Devices}); SimpleJWT has no such claim. */
    public static final String DEVICE = "device";

    private final JwtKeys keys;
    private final Settings settings;
    private final DefaultJWTParser parser;

    /** Whether a token naming this key id was signed by this service (and is {@code JWTAuthentication}'s). */
    public boolean ownKey(String kid) {
        return kid != null && keys.keyIds().contains(kid);
    }

    /** When a refresh token issued now expires. */
    public Instant refreshExpiry() {
        return Instant.now().plus(settings.refreshLifetime());
    }

    public JwtTokens(JwtKeys keys, Settings settings) {
        this.keys = keys;
        this.settings = settings;
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(keys.verificationKeys());
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setRequireNamedPrincipal(false);
        // smallrye-jwt allows 60 s of clock skew unless told otherwise; SimpleJWT's LEEWAY defaults to none.
        context.setExpGracePeriodSecs((int) settings.leeway().toSeconds());
        context.setClockSkew((int) settings.leeway().toSeconds());
        settings.issuer().ifPresent(context::setIssuedBy);
        settings.audience().ifPresent(audience -> context.setExpectedAudience(Set.of(audience)));
        this.parser = new DefaultJWTParser(context);
    }

    /** A new token of the user's device, expiring after its type's lifetime. */
    public String issue(long userId, Type type, long deviceId) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.claims()
                .claim(TOKEN_TYPE, type.claim)
                .claim(JTI, UUID.randomUUID().toString().replace("-", ""))
                .claim(USER_ID, userId)
                .claim(DEVICE, deviceId)
                .issuedAt(now)
                .expiresAt(now.plus(type == Type.ACCESS ? settings.accessLifetime() : settings.refreshLifetime()));
        settings.issuer().ifPresent(claims::issuer);
        settings.audience().ifPresent(claims::audience);
        return claims.jws().keyId(keys.signingKeyId()).sign(keys.signingKey());
    }

    /**
     * SimpleJWT's {@code Token(raw)}: decode and verify, then the {@code jti} and the token type.
     *
     * @param expected the type the token must have, or {@code null} for any (SimpleJWT's {@code UntypedToken})
     */
    public Claims validate(String raw, Type expected) throws TokenError {
        JsonWebToken token;
        try {
            token = parser.parse(raw);
        } catch (ParseException | RuntimeException e) {
            throw new TokenError(onlyExpirationMissing(e) ? "Token has no 'exp' claim" : TokenError.INVALID_OR_EXPIRED);
        }
        String jti = stringClaim(token, JTI);
        if (jti == null) {
            throw new TokenError("Token has no id");
        }
        String type = stringClaim(token, TOKEN_TYPE);
        if (expected != null) {
            if (type == null) {
                throw new TokenError("Token has no type");
            }
            if (!expected.claim.equals(type)) {
                throw new TokenError("Token has wrong type");
            }
        }
        return new Claims(jti, userIdOf(token), type, Instant.ofEpochSecond(token.getExpirationTime()),
                issuedAt(token), numberClaim(token, DEVICE));
    }

    /**
     * Whether the token is sound but for a missing {@code exp}: PyJWT does not require the claim, so SimpleJWT
     * decodes such a token and then says it has none; the parser here refuses it among its other checks.
     */
    private static boolean onlyExpirationMissing(Throwable failure) {
        return Causes.find(failure, InvalidJwtException.class)
                .map(invalid -> !invalid.getErrorDetails().isEmpty() && invalid.getErrorDetails().stream()
                        .allMatch(error -> error.getErrorCode() == ErrorCodes.EXPIRATION_MISSING))
                .orElse(false);
    }

    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replaceAll("^\"|\"$", "");
    }

    /** The {@code iat} claim, which SimpleJWT does not require: {@code null} without it. */
    private static Instant issuedAt(JsonWebToken token) {
        Long seconds = numberClaim(token, "iat");
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    private static Long userIdOf(JsonWebToken token) {
        return numberClaim(token, USER_ID);
    }

    private static Long numberClaim(JsonWebToken token, String claim) {
        String value = stringClaim(token, claim);
        if (value == null || !value.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }
}
