package dev.portcullis.accounts.external;

import dev.portcullis.security.core.AuthenticationFailure;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies an external provider's access tokens: the algorithm among those allowed, not an ID token, the configured
 * issuer, a key the provider publishes, the signature, {@code exp} and {@code nbf} with the leeway, and the audience.
 * Each refusal says which of these failed; {@link Refusal#lasting} tells one that no retry can cure.
 */
final class OidcTokens {

    /** A token refused, and whether the refusal holds for good (so it may be remembered). */
    static final class Refusal extends RuntimeException {
        final AuthenticationFailure failure;
        final boolean lasting;

        Refusal(String hint, boolean lasting) {
            super(hint, null, false, false);
            this.failure = ExternalUsers.refused(hint);
            this.lasting = lasting;
        }
    }

    /** What a verified token says. */
    record Verified(Map<String, Object> claims, Instant expiresAt) {
    }

    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().setRelaxVerificationKeyValidation().build();

    private final ProviderSettings settings;
    private final ProviderKeys keys;
    private final String issuer;

    OidcTokens(ProviderSettings settings, ProviderKeys keys) {
        this.settings = settings;
        this.keys = keys;
        this.issuer = settings.issuer.orElseThrow();
    }

    Verified verify(String token) {
        JwtContext unverified;
        try {
            unverified = UNVERIFIED.process(token);
        } catch (InvalidJwtException e) {
            throw new Refusal("The Bearer credential is not a JWT this service can read (" + firstLine(e) + ").", true);
        }
        JsonWebStructure jose = unverified.getJoseObjects().get(0);
        String algorithm = jose.getAlgorithmHeaderValue();
        if (!(jose instanceof JsonWebSignature) || algorithm == null || !settings.algorithms.contains(algorithm)) {
            throw new Refusal("The token is signed with '" + algorithm + "'; tokens of " + issuer + " are accepted "
                    + "when signed with " + String.join(", ", settings.algorithms) + " (portcullis.oidc.algorithms).", true);
        }
        JwtClaims claims = unverified.getJwtClaims();
        if (isIdToken(claims)) {
            throw new Refusal("This is an ID token (it tells a client who signed in); call the API with the access "
                    + "token the provider issued with it.", true);
        }
        String tokenIssuer = claims.getClaimValueAsString("iss");
        if (!issuer.equals(tokenIssuer)) {
            throw new Refusal("The token was issued by '" + tokenIssuer + "'; this service accepts tokens issued by '"
                    + issuer + "' (portcullis.oidc.issuer).", true);
        }
        ProviderKeys.Lookup key = keys.key(jose.getKeyIdHeaderValue(), algorithm);
        if (key instanceof ProviderKeys.Unknown unknown) {
            throw new Refusal("The token is signed with key id '" + unknown.kid() + "', which the provider does not "
                    + "publish (it publishes " + unknown.known() + "); a key it has just added is fetched again, at "
                    + "most every " + settings.minRefetchInterval.toSeconds() + " s.", false);
        }
        JwtConsumerBuilder consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) settings.leeway.toSeconds())
                .setExpectedIssuer(issuer)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        settings.algorithms.toArray(String[]::new))
                .setVerificationKey(((ProviderKeys.Found) key).key().getKey());
        settings.audience.ifPresentOrElse(audience -> consumer.setExpectedAudience(audience.toArray(String[]::new)),
                consumer::setSkipDefaultAudienceValidation);
        try {
            // The second pass of jose4j's two-pass pattern: the context read above, now verified with the key it names.
            consumer.build().processContext(unverified);
            return new Verified(claims.getClaimsMap(), Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException e) {
            throw new Refusal(why(e, claims), true);
        } catch (MalformedClaimException e) {
            throw new Refusal("The token's 'exp' is not a number.", true);
        }
    }

    /** Keycloak marks its ID tokens {@code "typ": "ID"}; any provider's carry {@code nonce} or {@code at_hash}. */
    private static boolean isIdToken(JwtClaims claims) {
        return "ID".equals(claims.getClaimValue("typ")) || claims.hasClaim("nonce") || claims.hasClaim("at_hash");
    }

    private String why(InvalidJwtException e, JwtClaims claims) {
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return "The token expired at " + time(claims, "exp") + " (now " + Instant.now().getEpochSecond()
                    + ", with " + settings.leeway.toSeconds() + " s of leeway): get a new one from the provider.";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "The token is not valid yet (nbf " + time(claims, "nbf") + ", now " + Instant.now().getEpochSecond()
                    + "): the clocks of the provider and this service disagree by more than the leeway ("
                    + settings.leeway.toSeconds() + " s).";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The token is meant for " + ExternalUsers.audiences(claims.getClaimValue("aud")) + ", not for this "
                    + "service (" + settings.audience.orElse(List.of()) + ", portcullis.oidc.audience): ask the "
                    + "provider for a token with this service's audience.";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "The token has no 'exp' claim; this service accepts only tokens that expire.";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "The token's signature does not verify with the provider's key: it was altered, or not signed by "
                    + issuer + ".";
        }
        return "The token could not be verified: " + e.getErrorDetails().stream().map(error -> error.getErrorMessage())
                .findFirst().orElse("its claims are not valid") + ".";
    }

    private static String time(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return Objects.toString(value instanceof Number n ? NumericDate.fromSeconds(n.longValue()).getValue() : value);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
