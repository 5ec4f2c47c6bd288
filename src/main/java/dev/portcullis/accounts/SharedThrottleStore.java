package dev.portcullis.accounts;

import dev.portcullis.security.throttle.Rate;
import dev.portcullis.security.throttle.ThrottleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/**
 * Histories every replica shares, in PostgreSQL, on the database's clock: a key's requests are counted and
 * recorded under an advisory lock on the key, so that two replicas cannot both let the last allowed one in.
 */
@Singleton
public class SharedThrottleStore implements ThrottleStore {

    private final EntityManager entityManager;

    public SharedThrottleStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<Throttled> hit(String key, Rate rate) {
        return QuarkusTransaction.requiringNew().call(() -> {
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
}
