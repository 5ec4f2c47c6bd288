package dev.portcullis.security.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Histories kept by this replica only, as DRF's default local-memory cache does; bounded in size. */
@Singleton
public class InMemoryThrottleStore implements ThrottleStore {

    private final Cache<String, Deque<Long>> histories = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1)).build();

    @Override
    public Optional<Throttled> hit(String key, Rate rate) {
        Deque<Long> history = histories.get(key, k -> new ArrayDeque<>());
        synchronized (history) {
            long now = System.nanoTime();
            long period = rate.period().toNanos();
            while (!history.isEmpty() && history.peekLast() <= now - period) {
                history.pollLast();
            }
            if (history.size() >= rate.requests()) {
                return Optional.of(new Throttled(rate.wait(history.size(), (now - history.peekLast()) / 1e9)));
            }
            history.addFirst(now);
            return Optional.empty();
        }
    }

    @Override
    public void forget(String key) {
        Deque<Long> history = histories.getIfPresent(key);
        if (history != null) {
            synchronized (history) {
                history.pollFirst();
            }
        }
    }
}
