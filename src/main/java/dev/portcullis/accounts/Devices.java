package dev.portcullis.accounts;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Causes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The devices a user is signed in on: every opaque token, JWT refresh family and login session is one. Signing a
 * device out deletes it and, with it, its credential (the schema's cascade); the triggers on both announce it to
 * every replica, whose credential caches forget the user within a second. A credential that goes takes its device.
 */
@Singleton
public class Devices {

    /**
     * The user was deleted after the request found them (a sign-in while an administrator deletes the account): the
     * device's reference to the user is refused. Answered 404, as a moment later; a sign-in answers its own words for
     * credentials that match no one.
     */
    public static final class UserGone extends ApiException {

        private UserGone() {
            super(404, "Not found.", "not_found");
        }

        /** This, when the insert was refused for its reference; else the refusal as it is. */
        static RuntimeException when(PersistenceException refused) {
            return Causes.refusedWith(refused, Causes.FOREIGN_KEY_VIOLATION) ? new UserGone() : refused;
        }
    }

    /** The {@link dev.portcullis.security.core.Caller} attribute that holds the id of the request's device. */
    public static final String ATTRIBUTE = "device";
    /** How long a name may be; a longer {@code User-Agent} is cut there. */
    public static final int NAME_LENGTH = 100;

    /** How a device signed in. */
    public enum Kind {
        TOKEN, JWT, SESSION;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** A device as its user sees it. */
    public record Device(long id, String kind, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
    }

    private final EntityManager entityManager;
    private final AuthChanges changes;
    private final Optional<Duration> sessionIdleTimeout;
    private final Duration accessTokenLifetime;

    public Devices(EntityManager entityManager, AuthChanges changes,
                   @ConfigProperty(name = "portcullis.session.idle-timeout") Optional<Duration> sessionIdleTimeout,
                   @ConfigProperty(name = "portcullis.jwt.access-token-lifetime", defaultValue = "5M")
                   Duration accessTokenLifetime) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.sessionIdleTimeout = sessionIdleTimeout;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /**
     * A new device of the user (inside the transaction that makes its credential). JWT families past their refresh
     * token's expiry, and past every access token they issued, are cleaned up on the way.
     *
     * @param expiresAt a JWT family's refresh expiry; {@code null} for tokens and sessions, which keep their own
     */
    public long open(long userId, Kind kind, String name, Instant expiresAt) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            entityManager.createNativeQuery("DELETE FROM devices WHERE kind = 'jwt' AND expires_at < ?1")
                    .setParameter(1, Timestamp.from(Instant.now().minus(accessTokenLifetime)))
                    .executeUpdate();
            try {
                return ((Number) entityManager.createNativeQuery("INSERT INTO devices (user_id, kind, name, expires_at) "
                                + "VALUES (?1, ?2, ?3, ?4) RETURNING id")
                        .setParameter(1, userId)
                        .setParameter(2, kind.wire())
                        .setParameter(3, name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name)
                        .setParameter(4, expiresAt == null ? null : Timestamp.from(expiresAt))
                        .getSingleResult()).longValue();
            } catch (PersistenceException refused) {
                throw UserGone.when(refused);
            }
        });
    }

    /** The user's devices that are still signed in, oldest first. */
    public List<Device> of(long userId) {
        Instant idleSince = sessionIdleTimeout.map(idle -> Instant.now().minus(idle)).orElse(Instant.EPOCH);
        return QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery(
                        "SELECT d.id, d.kind, d.name, d.created_at, d.last_used_at FROM devices d WHERE d.user_id = ?1 "
                                + "AND CASE d.kind "
                                + "WHEN 'jwt' THEN d.expires_at > now() "
                                + "WHEN 'token' THEN EXISTS (SELECT 1 FROM auth_tokens t WHERE t.device_id = d.id "
                                + "    AND (t.expires_at IS NULL OR t.expires_at > now())) "
                                + "ELSE EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id "
                                + "    AND s.expires_at > now() AND s.last_seen_at > ?2) END "
                                + "ORDER BY d.id")
                .setParameter(1, userId)
                .setParameter(2, Timestamp.from(idleSince))
                .getResultList().stream().map(row -> device((Object[]) row)).toList());
    }

    private static Device device(Object[] row) {
        return new Device(((Number) row[0]).longValue(), (String) row[1], (String) row[2], time(row[3]), time(row[4]));
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                : value instanceof OffsetDateTime offset ? offset
                : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /**
     * Signs one device of the user out, on every replica.
     *
     * @return {@code false} when the user has no such device
     */
    public boolean signOut(long userId, long deviceId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            int deleted = entityManager.createNativeQuery("DELETE FROM devices WHERE id = ?1 AND user_id = ?2")
                    .setParameter(1, deviceId).setParameter(2, userId).executeUpdate();
            if (deleted > 0) {
                changes.userChanged(userId);
            }
            return deleted > 0;
        });
    }

    /**
     * Signs every device of the user out, on every replica — and every JWT of theirs issued before devices were
     * kept, which names none ({@link User#signedOutAt}).
     */
    public void signOutAll(long userId) {
        QuarkusTransaction.joiningExisting().run(() -> {
            entityManager.createNativeQuery("DELETE FROM devices WHERE user_id = ?1")
                    .setParameter(1, userId).executeUpdate();
            entityManager.createNativeQuery("UPDATE users SET signed_out_at = now() WHERE id = ?1")
                    .setParameter(1, userId).executeUpdate();
            changes.userChanged(userId);
        });
    }

    /**
     * Whether a JWT family is still signed in: for its access tokens, that it was not signed out; for a refresh,
     * also that its refresh token has not been given up ({@link #retire}).
     */
    public boolean signedIn(long userId, long deviceId, boolean forRefresh) {
        return QuarkusTransaction.joiningExisting().call(() -> !entityManager.createNativeQuery(
                        "SELECT 1 FROM devices WHERE id = ?1 AND user_id = ?2"
                                + (forRefresh ? " AND expires_at > now()" : ""))
                .setParameter(1, deviceId).setParameter(2, userId).getResultList().isEmpty());
    }

    /**
     * Whether a valid JWT's family is still signed in (see {@link #signedIn}); a token issued before devices were
     * kept names none, and is signed out by a sign-out of everything after it was issued.
     */
    public boolean signedIn(User user, JwtTokens.Claims token, boolean forRefresh) {
        if (token.deviceId() != null) {
            return signedIn(user.id, token.deviceId(), forRefresh);
        }
        return user.signedOutAt == null
                || token.issuedAt() != null && token.issuedAt().plusSeconds(1).isAfter(user.signedOutAt.toInstant());
    }

    /** A JWT family's refresh token rotated: the device lives until the new one expires. */
    public void extend(long deviceId, Instant expiresAt) {
        setExpiry(deviceId, expiresAt);
    }

    /**
     * A JWT family's refresh token was blacklisted: the device leaves its user's list, and its access tokens — valid
     * until they expire, as SimpleJWT's are — keep it until then.
     */
    public void retire(long deviceId) {
        setExpiry(deviceId, Instant.now());
    }

    private void setExpiry(long deviceId, Instant expiresAt) {
        QuarkusTransaction.joiningExisting().run(() -> entityManager
                .createNativeQuery("UPDATE devices SET expires_at = ?2 WHERE id = ?1")
                .setParameter(1, deviceId).setParameter(2, Timestamp.from(expiresAt)).executeUpdate());
    }
}
