package dev.portcullis.security.throttle;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Where request histories are kept (DRF's cache): in memory for one replica, or shared by every replica.
 * Each call is one request under DRF's {@code SimpleRateThrottle}: allowed (and recorded), or throttled.
 */
public interface ThrottleStore {

    /** Records the request under the key when the rate allows it; otherwise answers why not. */
    Optional<Throttled> hit(String key, Rate rate);

    /** Whether {@link #hit} answers without waiting (in memory), so that an event-loop thread may call it. */
    default boolean answersAtOnce() {
        return true;
    }

    /** {@link #hit}, answered later where the store is remote: nothing waits on an event-loop thread. */
    default Uni<Optional<Throttled>> hitLater(String key, Rate rate) {
        return Uni.createFrom().item(() -> hit(key, rate));
    }

    /** Takes back one request recorded under the key (the latest): it turned out not to count. */
    void forget(String key);

    /** A refused request, with DRF's wait in seconds ({@code null} when unknown). */
    record Throttled(Double waitSeconds) {
    }
}
