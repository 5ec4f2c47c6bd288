package dev.portcullis.security.throttle;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Request histories kept in Redis, shared by every replica ({@code portcullis.throttle.store=redis}, the server
 * named by {@code quarkus.redis.hosts}): a rate means the same with ten replicas as with one, as DRF's rates do on
 * a shared cache. A history is a sorted set of request times, checked and recorded by one script, on Redis's own
 * clock, so replicas whose clocks differ agree. While Redis cannot be reached, requests are not counted — a rate is
 * a limit on use, not an access rule — for {@link #PAUSE} after each failure, and one line says so.
 */
@Singleton
public class RedisThrottleStore implements ThrottleStore {

    private static final Logger LOG = Logger.getLogger(RedisThrottleStore.class);
    static final Duration PAUSE = Duration.ofSeconds(5);
    /** Records the request when the rate allows it: {-1} when allowed, else {recorded, age of the oldest in µs}. */
    private static final String HIT = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local period = tonumber(ARGV[2]) * 1000
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
            local recorded = redis.call('ZCARD', KEYS[1])
            if recorded >= tonumber(ARGV[1]) then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return {recorded, now - tonumber(oldest[2])}
            end
            redis.call('ZADD', KEYS[1], now, ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return {-1}
            """;
    private static final String KEY_PREFIX = "portcullis:throttle:";

    private final Instance<ReactiveRedisDataSource> redis;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<Long> pausedUntil = new AtomicReference<>();

    public RedisThrottleStore(Instance<ReactiveRedisDataSource> redis) {
        this.redis = redis;
    }

    @Override
    public boolean answersAtOnce() {
        return false;
    }

    @Override
    public Optional<Throttled> hit(String key, Rate rate) {
        return hitLater(key, rate).await().atMost(Duration.ofSeconds(10));
    }

    @Override
    public Uni<Optional<Throttled>> hitLater(String key, Rate rate) {
        if (paused()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return redis.get().execute("EVAL", HIT, "1", KEY_PREFIX + key, String.valueOf(rate.requests()),
                        String.valueOf(rate.period().toMillis()), replica + ":" + requests.incrementAndGet())
                .map(answer -> refusal(answer, rate))
                .onFailure().recoverWithItem(failure -> {
                    pause(failure);
                    return Optional.empty();
                });
    }

    private static Optional<Throttled> refusal(Response answer, Rate rate) {
        if (answer.get(0).toLong() < 0) {
            return Optional.empty();
        }
        int recorded = answer.get(0).toInteger();
        return Optional.of(new Throttled(rate.wait(recorded, answer.get(1).toLong() / 1e6)));
    }

    @Override
    public void forget(String key) {
        if (!paused()) {
            redis.get().execute("ZPOPMAX", KEY_PREFIX + key).onFailure().recoverWithItem(failure -> {
                pause(failure);
                return null;
            }).await().atMost(Duration.ofSeconds(10));
        }
    }

    private boolean paused() {
        Long until = pausedUntil.get();
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        if (pausedUntil.compareAndSet(until, null)) {
            LOG.info("Request rates: Redis is tried again");
        }
        return false;
    }

    private void pause(Throwable failure) {
        if (pausedUntil.getAndSet(System.nanoTime() + PAUSE.toNanos()) == null) {
            LOG.warnf("Request rates are not counted for %d s: Redis cannot be reached (%s)", PAUSE.toSeconds(),
                    failure.toString());
        }
    }
}
