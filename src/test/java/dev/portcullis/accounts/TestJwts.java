package dev.portcullis.accounts;

import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Forges JWTs for tests, with the test profile's keys (src/test/resources/test-keys): the current signing key
 * ({@code test-signing}), a previous key still listed ({@code previous}), and one nobody lists ({@code unknown}).
 */
public final class TestJwts {

    public static final String ISSUER = "portcullis-test";
    public static final String AUDIENCE = "portcullis-api";

    private TestJwts() {
    }

    /** The test profile's settings. */
    public static JwtTokens.Settings settings() {
        return new JwtTokens.Settings(Duration.ofMinutes(5), Duration.ofDays(1), Optional.of(ISSUER),
                Optional.of(AUDIENCE), Duration.ZERO);
    }

    public static JwtKeys keys(boolean withPreviousKey) {
        return JwtKeys.load("classpath:test-keys/signing.pem", "test-signing",
                withPreviousKey ? java.util.List.of("classpath:test-keys/previous.jwks.json") : java.util.List.of());
    }

    /** The claims of a valid token of the type for the user, to change before signing. */
    public static Map<String, Object> claims(String type, long userId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("token_type", type);
        claims.put("jti", UUID.randomUUID().toString().replace("-", ""));
        claims.put("user_id", userId);
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        return claims;
    }

    /**
     * Signs exactly these claims (jose4j, so that nothing is added) with one of the test keys:
     * {@code signing}, {@code previous} or {@code unknown}.
     */
    public static String sign(Map<String, Object> claims, String key, String kid) {
        return jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256, kid, privateKey(key));
    }

    /** Exactly these claims signed with one of the test keys by another algorithm ({@code RS384}, {@code PS256}…). */
    public static String signWith(String algorithm, Map<String, Object> claims, String key, String kid) {
        return jws(claims, algorithm, kid, privateKey(key));
    }

    /**
     * Signed with the {@code unknown} key, whose public half the token itself offers to verify it by: in a
     * {@code jwk} header, or at a {@code jku} address of the signer's choosing.
     */
    public static String signWithOfferedKey(Map<String, Object> claims, String header) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("test-signing");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey("unknown");
        try {
            PublicKey offered = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            if (header.equals("jwk")) {
                jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(offered));
            } else {
                jws.setHeader(header, "https://attacker.example/jwks.json");
            }
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic key confusion: HS256 with the RSA public key's bytes as the shared secret. */
    public static String signHs256WithPublicKey(Map<String, Object> claims) {
        byte[] secret = keys(false).verificationKeys().getBytes(StandardCharsets.UTF_8);
        return jws(claims, AlgorithmIdentifiers.HMAC_SHA256, "test-signing", new HmacKey(secret));
    }

    /** An unsigned token, {@code alg: none}. */
    public static String unsigned(Map<String, Object> claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = encoder.encodeToString(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static String jws(Map<String, Object> claims, String algorithm, String kid, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with one character of its signature changed. */
    public static String tampered(String token) {
        char last = token.charAt(token.length() - 5);
        return token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
    }

    private static PrivateKey privateKey(String name) {
        try (InputStream in = TestJwts.class.getClassLoader().getResourceAsStream("test-keys/" + name + ".pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
