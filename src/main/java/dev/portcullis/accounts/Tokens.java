package dev.portcullis.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque API tokens: 160 random bits shown once as 40 hex characters (DRF's key format), kept only as a
 * SHA-256. A stored hash cannot be handed out again, so every issue makes a new token (one per client).
 */
@Singleton
public class Tokens {

    private static final int KEY_BYTES = 20;
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final Optional<Duration> lifetime;
    private final AuthChanges changes;
    private final Devices devices;

    public Tokens(@ConfigProperty(name = "portcullis.token.lifetime") Optional<Duration> lifetime, AuthChanges changes,
                  Devices devices) {
        this.lifetime = lifetime;
        this.changes = changes;
        this.devices = devices;
    }

    /** DRF's {@code drf_create_token}: a new key for the user, signing in a new device of that name. */
    @Transactional
    public String issue(User user, String deviceName) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = HEX.formatHex(bytes);
        AuthToken token = new AuthToken();
        token.user = User.getEntityManager().getReference(User.class, user.id);
        token.keyHash = hash(key);
        token.keyPrefix = key.substring(0, 8);
        token.deviceId = devices.open(user.id, Devices.Kind.TOKEN, deviceName, null);
        token.expiresAt = lifetime.map(l -> OffsetDateTime.now().plus(l)).orElse(null);
        token.persist();
        return key;
    }

    /** Revokes every token of the user, on every replica (their devices go with them). */
    @Transactional
    public long revokeAll(User user) {
        long revoked = AuthToken.delete("user.id", user.id);
        changes.userChanged(user.id);
        return revoked;
    }

    /** The token of a key, with its user, unless the key is unknown, revoked or expired. */
    public Optional<AuthToken> find(String key) {
        return QuarkusTransaction.joiningExisting().call(() -> AuthToken
                .<AuthToken>find("select t from AuthToken t join fetch t.user where t.keyHash = ?1 "
                        + "and (t.expiresAt is null or t.expiresAt > ?2)", hash(key), OffsetDateTime.now())
                .firstResultOptional());
    }

    /** The user a key belongs to, unless the key is unknown, revoked or expired. */
    public Optional<User> userOf(String key) {
        return find(key).map(token -> token.user);
    }

    static String hash(String key) {
        return HEX.formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A copy of a digest made once: every authenticated request hashes its key, and looking the algorithm up
     * among the security providers cost more than the hashing.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests cannot be copied", e);
        }
    }

    /** Made at the first hash, not when the beans are made: start-up does not look the security providers up. */
    private static final class Sha256 {

        static final MessageDigest PROTOTYPE = create();

        private static MessageDigest create() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    }
}
