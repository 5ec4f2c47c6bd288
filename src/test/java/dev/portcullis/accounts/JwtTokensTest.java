package dev.portcullis.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every way a JWT can be bad, each with SimpleJWT's message. */
class JwtTokensTest {

    private static final JwtKeys KEYS = TestJwts.keys(true);
    /** Made for each test, not once for the class: a mutation test swaps in a changed constructor between tests. */
    private final JwtTokens tokens = new JwtTokens(KEYS, TestJwts.settings());

    private static final Map<String, Function<Map<String, Object>, String>> FORGERIES = Map.ofEntries(
            Map.entry("valid", c -> TestJwts.sign(c, "signing", "test-signing")),
            Map.entry("tampered signature", c -> TestJwts.tampered(TestJwts.sign(c, "signing", "test-signing"))),
            Map.entry("alg none", TestJwts::unsigned),
            Map.entry("HS256 with the public key as secret", TestJwts::signHs256WithPublicKey),
            Map.entry("an unknown key", c -> TestJwts.sign(c, "unknown", "unknown")),
            Map.entry("an unknown key under the current kid", c -> TestJwts.sign(c, "unknown", "test-signing")),
            Map.entry("the previous key, still listed", c -> TestJwts.sign(c, "previous", "previous")),
            Map.entry("garbage", c -> "not.a.jwt"),
            Map.entry("empty", c -> ""));

    private static Map<String, Object> claims(String change) {
        Map<String, Object> claims = TestJwts.claims("access", 7L);
        long now = Instant.now().getEpochSecond();
        switch (change) {
            case "none" -> { }
            case "expired" -> claims.put("exp", now - 10);
            case "not yet valid" -> claims.put("nbf", now + 600);
            case "wrong issuer" -> claims.put("iss", "someone-else");
            case "wrong audience" -> claims.put("aud", "another-api");
            case "refresh type" -> claims.put("token_type", "refresh");
            case "no jti" -> claims.remove("jti");
            case "no type" -> claims.remove("token_type");
            case "no user" -> claims.remove("user_id");
            case "no exp" -> claims.remove("exp");
            case "no exp, wrong audience" -> {
                claims.remove("exp");
                claims.put("aud", "another-api");
            }
            default -> throw new IllegalArgumentException(change);
        }
        return claims;
    }

    @ParameterizedTest(name = "{0} with {1}, as {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "valid                               |none          |access |-",
            "valid                               |none          |any    |-",
            "the previous key, still listed      |none          |access |-",
            "tampered signature                  |none          |access |Token is invalid or expired",
            "alg none                            |none          |access |Token is invalid or expired",
            "HS256 with the public key as secret |none          |access |Token is invalid or expired",
            "an unknown key                      |none          |access |Token is invalid or expired",
            "an unknown key under the current kid|none          |access |Token is invalid or expired",
            "garbage                             |none          |access |Token is invalid or expired",
            "empty                               |none          |access |Token is invalid or expired",
            "valid                               |expired       |access |Token is invalid or expired",
            "valid                               |not yet valid |access |Token is invalid or expired",
            "valid                               |wrong issuer  |access |Token is invalid or expired",
            "valid                               |wrong audience|access |Token is invalid or expired",
            "valid                               |refresh type  |access |Token has wrong type",
            "valid                               |none          |refresh|Token has wrong type",
            "valid                               |refresh type  |any    |-",
            "valid                               |no jti        |access |Token has no id",
            "valid                               |no type       |access |Token has no type",
            "valid                               |no type       |any    |-",
            "valid                               |no exp        |access |Token has no 'exp' claim",
            "valid                               |no exp, wrong audience|access|Token is invalid or expired",
    })
    void validation(String forgery, String change, String expected, String error) throws TokenError {
        String token = FORGERIES.get(forgery.strip()).apply(claims(change.strip()));
        JwtTokens.Type type = switch (expected.strip()) {
            case "access" -> JwtTokens.Type.ACCESS;
            case "refresh" -> JwtTokens.Type.REFRESH;
            default -> null;
        };
        if (error == null) {
            assertEquals(7L, tokens.validate(token, type).userId());
        } else {
            assertEquals(error, assertThrows(TokenError.class, () -> tokens.validate(token, type)).getMessage());
        }
    }

    /** The configured leeway, and no more: smallrye-jwt's own default would allow 60 s. */
    @ParameterizedTest(name = "leeway {0} s, exp {1} s from now -> valid: {2}")
    @CsvSource({
            "0,  -1, false",
            "0, -56, false",
            "0,  30, true",
            "30, -20, true",
            "30, -40, false",
    })
    void expiryAllowsTheConfiguredLeewayOnly(long leeway, long expiresIn, boolean valid) {
        JwtTokens.Settings test = TestJwts.settings();
        JwtTokens tokens = new JwtTokens(TestJwts.keys(false), new JwtTokens.Settings(test.accessLifetime(),
                test.refreshLifetime(), test.issuer(), test.audience(), java.time.Duration.ofSeconds(leeway)));
        Map<String, Object> claims = TestJwts.claims("access", 7L);
        // Issued a lifetime before it expires, as a real token is (an iat after exp fails on its own).
        claims.put("exp", Instant.now().getEpochSecond() + expiresIn);
        claims.put("iat", Instant.now().getEpochSecond() + expiresIn - 300);
        String token = TestJwts.sign(claims, "signing", "test-signing");
        if (valid) {
            assertDoesNotThrow(() -> tokens.validate(token, JwtTokens.Type.ACCESS));
        } else {
            TokenError error = assertThrows(TokenError.class, () -> tokens.validate(token, JwtTokens.Type.ACCESS));
            assertEquals("Token is invalid or expired", error.getMessage());
        }
    }

    @Test
    void aTokenOfAPreviousKeyStopsVerifyingOnceTheKeyIsNoLongerListed() {
        String token = TestJwts.sign(TestJwts.claims("access", 7L), "previous", "previous");
        JwtTokens withoutPrevious = new JwtTokens(TestJwts.keys(false), TestJwts.settings());
        assertEquals("Token is invalid or expired",
                assertThrows(TokenError.class, () -> withoutPrevious.validate(token, JwtTokens.Type.ACCESS)).getMessage());
    }

    @Test
    void issuedTokensCarrySimpleJwtsClaims() throws TokenError {
        JwtTokens.Claims access = tokens.validate(tokens.issue(42, JwtTokens.Type.ACCESS, 7), JwtTokens.Type.ACCESS);
        JwtTokens.Claims refresh = tokens.validate(tokens.issue(42, JwtTokens.Type.REFRESH, 7), JwtTokens.Type.REFRESH);
        assertEquals(42L, access.userId());
        assertEquals("access", access.tokenType());
        assertEquals("refresh", refresh.tokenType());
        assertEquals(32, access.jti().length());
        long accessSeconds = access.expiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        long refreshSeconds = refresh.expiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        assertEquals(300, accessSeconds, 2);
        assertEquals(86400, refreshSeconds, 2);
    }

    @Test
    void aTokenWithoutAUserIdValidatesButNamesNoUser() throws TokenError {
        String token = TestJwts.sign(claims("no user"), "signing", "test-signing");
        assertNull(tokens.validate(token, JwtTokens.Type.ACCESS).userId());
    }
}
