package dev.portcullis.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Login sessions in PostgreSQL: a random key in the {@code sessionid} cookie (kept only as a SHA-256), the
 * user, and the session's CSRF secret, which rotates with every login. A session ends at its absolute expiry
 * ({@code portcullis.session.lifetime}) or, when {@code portcullis.session.idle-timeout} is set, after that long
 * unused; its last use is written at most once a minute.
 */
@Singleton
public class Sessions {

    /** A live session: whose it is, its CSRF secret, and the device it signs in ({@link Devices}). */
    public record Session(User user, String csrfSecret, long device) {
    }

    /** A new session's key (for the cookie) and CSRF secret. */
    public record Opened(String key, String csrfSecret, Duration lifetime) {
    }

    private final SecureRandom random = new SecureRandom();
    private final EntityManager entityManager;
    private final Devices devices;
    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    private final Duration lifetime;
    private final Optional<Duration> idleTimeout;

    public Sessions(EntityManager entityManager, Devices devices,
                    @ConfigProperty(name = "portcullis.session.lifetime", defaultValue = "14D") Duration lifetime,
                    @ConfigProperty(name = "portcullis.session.idle-timeout") Optional<Duration> idleTimeout) {
        this.entityManager = entityManager;
        this.devices = devices;
        this.lifetime = lifetime;
        this.idleTimeout = idleTimeout;
    }

    /** A new session of the user, signing in a new device of that name. */
    public Opened open(User user, String deviceName) {
        String key = randomHex(32);
        String csrfSecret = newCsrfSecret();
        QuarkusTransaction.joiningExisting().run(() -> {
            entityManager.createNativeQuery("DELETE FROM sessions WHERE expires_at < now()").executeUpdate();
            long device = devices.open(user.id, Devices.Kind.SESSION, deviceName, null);
            entityManager.createNativeQuery("INSERT INTO sessions (key_hash, user_id, csrf_secret, expires_at, device_id) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, Tokens.hash(key))
                    .setParameter(2, user.id)
                    .setParameter(3, csrfSecret)
                    .setParameter(4, Timestamp.from(Instant.now().plus(lifetime)))
                    .setParameter(5, device)
                    .executeUpdate();
        });
        return new Opened(key, csrfSecret, lifetime);
    }

    /** The live session of a key, if any. */
    public Optional<Session> find(String key) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            String hash = Tokens.hash(key);
            List<?> rows = entityManager.createNativeQuery("SELECT user_id, csrf_secret, last_seen_at < ?2, device_id "
                            + "FROM sessions WHERE key_hash = ?1 AND expires_at > now() AND last_seen_at > ?3")
                    .setParameter(1, hash)
                    .setParameter(2, Timestamp.from(Instant.now().minus(LAST_SEEN_GRANULARITY)))
                    .setParameter(3, Timestamp.from(idleTimeout.map(idle -> Instant.now().minus(idle)).orElse(Instant.EPOCH)))
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.<Session>empty();
            }
            Object[] row = (Object[]) rows.get(0);
            if (Boolean.TRUE.equals(row[2])) {
                entityManager.createNativeQuery("UPDATE sessions SET last_seen_at = now() WHERE key_hash = ?1")
                        .setParameter(1, hash).executeUpdate();
            }
            User user = User.findById(((Number) row[0]).longValue());
            return Optional.ofNullable(user).map(u -> new Session(u, (String) row[1], ((Number) row[3]).longValue()));
        });
    }

    /** Ends the session of a key, for every replica at once. */
    public void close(String key) {
        QuarkusTransaction.joiningExisting().run(() -> entityManager
                .createNativeQuery("DELETE FROM sessions WHERE key_hash = ?1")
                .setParameter(1, Tokens.hash(key)).executeUpdate());
    }

    /** Ends every session of the user, for every replica at once: Django's session hash after a password change. */
    public void closeAll(long userId) {
        QuarkusTransaction.joiningExisting().run(() -> entityManager
                .createNativeQuery("DELETE FROM sessions WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate());
    }

    /** A CSRF secret for a browser that has no session yet. */
    public String newCsrfSecret() {
        return randomHex(16);
    }

    private String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        this.random.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
