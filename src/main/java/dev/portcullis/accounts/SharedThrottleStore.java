package dev.portcullis.accounts;

import dev.portcullis.security.throttle.Rate;
import dev.portcullis.security.throttle.ThrottleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Histories every replica shares, in PostgreSQL, on the database's clock: a key's requests are counted and
 * recorded under an advisory lock on the key, so that two replicas cannot both let the last allowed one in.
 */
@Singleton
public class SharedThrottleStore implements ThrottleStore {

    /** The longest period a rate can have: older rows count for nothing. */
    private static final Duration LONGEST_PERIOD = Duration.ofDays(1);
    private static final long PURGE_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final EntityManager entityManager;
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime());

    public SharedThrottleStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<Throttled> hit(String key, Rate rate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            purgeNowAndThen();
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, key).getSingleResult();
            entityManager.createNativeQuery("DELETE FROM throttle_hits WHERE key = ?1 "
                            + "AND at <= clock_timestamp() - make_interval(secs => ?2)")
                    .setParameter(1, key).setParameter(2, (double) rate.period().toSeconds()).executeUpdate();
            Object[] history = (Object[]) entityManager.createNativeQuery("SELECT count(*), "
                            + "coalesce(extract(epoch FROM clock_timestamp() - min(at)), 0) FROM throttle_hits WHERE key = ?1")
                    .setParameter(1, key).getSingleResult();
            int recorded = ((Number) history[0]).intValue();
            if (recorded >= rate.requests()) {
                return Optional.of(new Throttled(rate.wait(recorded, ((Number) history[1]).doubleValue())));
            }
            entityManager.createNativeQuery("INSERT INTO throttle_hits (key) VALUES (?1)").setParameter(1, key)
                    .executeUpdate();
            return Optional.<Throttled>empty();
        });
    }

    @Override
    public void forget(String key) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("DELETE FROM throttle_hits "
                        + "WHERE ctid IN (SELECT ctid FROM throttle_hits WHERE key = ?1 ORDER BY at DESC LIMIT 1)")
                .setParameter(1, key).executeUpdate());
    }

    /**
     * A key's old rows go when the key is counted again; those of keys never seen again (one-off usernames and
     * addresses) go here, once a minute per replica, so that the table holds at most a day of attempts.
     */
    private void purgeNowAndThen() {
        long last = lastPurge.get();
        if (System.nanoTime() - last > PURGE_EVERY_NANOS && lastPurge.compareAndSet(last, System.nanoTime())) {
            entityManager.createNativeQuery("DELETE FROM throttle_hits WHERE at <= clock_timestamp() - make_interval(secs => ?1)")
                    .setParameter(1, (double) LONGEST_PERIOD.toSeconds()).executeUpdate();
        }
    }
}
