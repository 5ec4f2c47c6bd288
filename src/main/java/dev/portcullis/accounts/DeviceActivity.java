package dev.portcullis.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portcullis.security.core.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;

import dev.portcullis.security.guard.Guard;

/**
 * When each device was last used, coarsely: a device's {@code last_used_at} is written at most once a minute — by
 * this replica (what it wrote lately is remembered) and by all of them together (the update skips a row written
 * within the minute) — off the request's thread, so that a request never waits for it.
 */
@Singleton
public class DeviceActivity {

    private static final Logger LOG = Logger.getLogger(DeviceActivity.class);
    static final Duration GRANULARITY = Duration.ofMinutes(1);
    private static final long GRANULARITY_NANOS = GRANULARITY.toNanos();
    /** The identity attribute holding when the identity last had its device noted ({@link Use}). */
    static final String USE = "portcullis.device-use";

    private final EntityManager entityManager;
    private final Cache<Long, Boolean> writtenLately = Caffeine.newBuilder()
            .executor(Runnable::run).expireAfterWrite(GRANULARITY).maximumSize(100_000).build();

    public DeviceActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The identity an authentication ends with, its device noted as used. */
    public Uni<SecurityIdentity> noted(Uni<SecurityIdentity> identity) {
        return identity.invoke(this::used);
    }

    void used(SecurityIdentity identity) {
        Use use = identity.getAttribute(USE);
        long now = System.nanoTime();
        if (use != null && now - use.notedAt < GRANULARITY_NANOS) {
            return;  // a remembered identity, noted within the minute: not even a lookup
        }
        if (use != null) {
            use.notedAt = now;
        }
        Caller caller = identity.getAttribute(Guard.CALLER_ATTRIBUTE);
        if (caller == null || !(caller.attributes().get(Devices.ATTRIBUTE) instanceof Long device)
                || writtenLately.getIfPresent(device) != null  // a read: the common case, and cheaper than a write
                || writtenLately.asMap().putIfAbsent(device, Boolean.TRUE) != null) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> write(device));
    }

    /**
     * When an identity signed in on a device last had the device noted: a credential remembered with its identity
     * is used again and again, and for a minute after a use is noted its requests need not look the device up.
     */
    static final class Use {
        private volatile long notedAt = System.nanoTime() - GRANULARITY_NANOS;
    }

    private void write(long device) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "UPDATE devices SET last_used_at = now() WHERE id = ?1 AND last_used_at < now() - ?2 * interval '1 second'")
                    .setParameter(1, device).setParameter(2, GRANULARITY.toSeconds()).executeUpdate());
        } catch (RuntimeException e) {
            // Only a coarse timestamp is lost; the next use a minute on writes it.
            LOG.debugf(e, "Could not note device %d as used", device);
        }
    }
}
