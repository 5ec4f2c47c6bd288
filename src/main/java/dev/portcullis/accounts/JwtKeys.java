package dev.portcullis.accounts;

import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The RS256 keys of JWTs: one private key signs (its {@code kid} goes into every token), and a JWK set of
 * public keys verifies — the signing key's own public half plus any earlier keys still listed, so that
 * tokens issued before a key rotation keep verifying until their key is removed.
 */
public final class JwtKeys {

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final String verificationKeys;
    private final java.util.Set<String> keyIds;

    private JwtKeys(PrivateKey signingKey, String signingKeyId, List<JsonWebKey> previousKeys) {
        this.signingKey = signingKey;
        this.signingKeyId = signingKeyId;
        try {
            RsaJsonWebKey current = new RsaJsonWebKey(publicHalf(signingKey));
            current.setKeyId(signingKeyId);
            List<JsonWebKey> all = new ArrayList<>(previousKeys);
            all.add(current);
            this.verificationKeys = new JsonWebKeySet(all).toJson();
            this.keyIds = all.stream().map(JsonWebKey::getKeyId).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT signing key is not an RSA private key", e);
        }
    }

    /**
     * Keys from PEM and JWK set locations ({@code classpath:…}, a file path, or a {@code file:} URL) — or, for the
     * signing key, the PEM text itself (from a Secret given as an environment variable, where no file can be mounted
     * readable by the service's user alone).
     */
    public static JwtKeys load(String signingKeyLocation, String signingKeyId, List<String> previousKeyLocations) {
        try {
            List<JsonWebKey> previous = new ArrayList<>();
            for (String location : previousKeyLocations) {
                previous.addAll(KeyUtils.loadJsonWebKeys(read(location)));
            }
            return new JwtKeys(KeyUtils.decodePrivateKey(read(signingKeyLocation)), signingKeyId, previous);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the JWT keys (portcullis.jwt.signing-key=" + shown(signingKeyLocation)
                    + ", portcullis.jwt.previous-keys=" + previousKeyLocations + "): " + e.getMessage(), e);
        }
    }

    /** A key pair made for this process only: tokens die with it. For dev mode. */
    public static JwtKeys generate(String signingKeyId) {
        try {
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            return new JwtKeys(pair.getPrivate(), signingKeyId, List.of());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The ids of every key a token of this service may be signed with. */
    public java.util.Set<String> keyIds() {
        return keyIds;
    }

    /** The JWK set, as JSON, of every key a token may be signed with. */
    public String verificationKeys() {
        return verificationKeys;
    }

    private static boolean inline(String location) {
        return location.strip().startsWith("-----BEGIN");
    }

    /** Where a key came from, for a message: never the key itself. */
    private static String shown(String location) {
        return inline(location) ? "a PEM key given as its text" : location;
    }

    private static String read(String location) throws IOException {
        if (inline(location)) {
            return location;
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException(resource + " is not on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(Path.of(location.replaceFirst("^file:", "")));
    }

    private static RSAPublicKey publicHalf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("not an RSA CRT private key");
        }
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }
}
