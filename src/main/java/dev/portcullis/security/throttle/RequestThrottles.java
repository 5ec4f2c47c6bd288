package dev.portcullis.security.throttle;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Errors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DRF's {@code AnonRateThrottle}, {@code UserRateThrottle} and {@code ScopedRateThrottle}, run after the permissions
 * as DRF's {@code check_throttles}: anonymous requests by client address, authenticated ones by user, and an
 * endpoint with a {@code throttle_scope} under that scope too (by user, or by address). Every throttle counts the
 * request; when any refuses, the answer waits the longest of their waits. Each is off unless its rate is set, as
 * in DRF; counted by each replica, or in Redis for all of them ({@code portcullis.throttle.store}).
 */
@Singleton
public class RequestThrottles {

    private static final Logger LOG = Logger.getLogger(RequestThrottles.class);
    private static final String SCOPE_RATES = "portcullis.throttle.rates.";
    private static final Uni<Void> ALLOWED = Uni.createFrom().voidItem();
    private static final Uni<Optional<ThrottleStore.Throttled>> NOT_COUNTED = Uni.createFrom().item(Optional.empty());

    private final ThrottleStore store;
    private final ClientAddresses addresses;
    private final Optional<Rate> anonymous;
    private final Optional<Rate> user;
    private final Map<String, Optional<Rate>> scopes = new ConcurrentHashMap<>();

    public RequestThrottles(InMemoryThrottleStore memory, Instance<RedisThrottleStore> redis, ClientAddresses addresses,
                            @ConfigProperty(name = "portcullis.throttle.store", defaultValue = "memory") String store,
                            @ConfigProperty(name = "portcullis.throttle.anon.rate") Optional<String> anonymous,
                            @ConfigProperty(name = "portcullis.throttle.user.rate") Optional<String> user) {
        this.store = switch (store) {
            case "memory" -> memory;
            case "redis" -> redis.get();
            default -> throw new IllegalArgumentException("portcullis.throttle.store is memory (each replica counts "
                    + "its own requests) or redis (every replica counts in one Redis), not '" + store + "'");
        };
        LOG.infof("Request rates are counted %s", store.equals("redis")
                ? "in Redis, shared by every replica" : "in memory, by each replica on its own");
        this.addresses = addresses;
        this.anonymous = Rate.configured(anonymous);
        this.user = Rate.configured(user);
    }

    /**
     * @param scope the endpoint's {@code throttle_scope}, or {@code null}
     * @return done when the request may go on; failed with an {@link ApiException} (429) when the caller has used up a rate
     */
    public Uni<Void> check(Caller caller, HttpServerRequest connection, String scope) {
        Optional<Rate> rate = rateOf(caller);
        Optional<Rate> scoped = scopedRate(scope);
        if (rate.isEmpty() && scoped.isEmpty()) {
            return ALLOWED;
        }
        String ident = identOf(caller, connection);
        return hit(ident, rate).flatMap(refused -> hit("scope:" + scope + ":" + ident, scoped).flatMap(refusedInScope ->
                refused.isEmpty() && refusedInScope.isEmpty() ? ALLOWED
                        : Uni.createFrom().failure(Errors.throttled(longest(refused, refusedInScope)))));
    }

    /**
     * {@link #check}, on the calling thread where the store answers at once (in memory): the same hits in the same
     * order.
     *
     * @return true when the request may go on, false when only {@link #check} can tell (nothing is counted then)
     * @throws ApiException 429, when the caller has used up a rate
     */
    public boolean checkNow(Caller caller, HttpServerRequest connection, String scope) {
        Optional<Rate> rate = rateOf(caller);
        Optional<Rate> scoped = scopedRate(scope);
        if (rate.isEmpty() && scoped.isEmpty()) {
            return true;
        }
        if (!store.answersAtOnce()) {
            return false;
        }
        String ident = identOf(caller, connection);
        Optional<ThrottleStore.Throttled> refused = rate.flatMap(r -> store.hit(ident, r));
        Optional<ThrottleStore.Throttled> refusedInScope = scoped.flatMap(r -> store.hit("scope:" + scope + ":" + ident, r));
        if (refused.isPresent() || refusedInScope.isPresent()) {
            throw Errors.throttled(longest(refused, refusedInScope));
        }
        return true;
    }

    private Optional<Rate> rateOf(Caller caller) {
        return caller.authenticated() ? user : anonymous;
    }

    private Optional<Rate> scopedRate(String scope) {
        return scope == null ? Optional.empty() : scopes.computeIfAbsent(scope, RequestThrottles::rateOf);
    }

    private String identOf(Caller caller, HttpServerRequest connection) {
        return caller.authenticated() ? "user:" + caller.id() : "anon:" + addresses.of(connection);
    }

    /** Whether a request of this throttle scope ({@code null}: none) can be refused 429: some rate applies to it. */
    public boolean mayRefuse(String scope) {
        return anonymous.isPresent() || user.isPresent() || scopedRate(scope).isPresent();
    }

    private Uni<Optional<ThrottleStore.Throttled>> hit(String key, Optional<Rate> rate) {
        return rate.isEmpty() ? NOT_COUNTED : store.hitLater(key, rate.get());
    }

    /** DRF's {@code max(durations)} of the refusals' waits; a wait DRF cannot tell ({@code None}) is left out. */
    private static Double longest(Optional<ThrottleStore.Throttled> first, Optional<ThrottleStore.Throttled> second) {
        Double a = first.map(ThrottleStore.Throttled::waitSeconds).orElse(null);
        Double b = second.map(ThrottleStore.Throttled::waitSeconds).orElse(null);
        return a == null ? b : b == null ? a : Math.max(a, b);
    }

    /** A scope's rate, read once; a scope without one says so once, as DRF would refuse to start counting it. */
    private static Optional<Rate> rateOf(String scope) {
        Optional<Rate> rate = Rate.configured(ConfigProvider.getConfig().getOptionalValue(SCOPE_RATES + scope, String.class));
        if (rate.isEmpty()) {
            LOG.infof("Requests in the throttle scope '%s' are not counted: %s%s is not set", scope, SCOPE_RATES, scope);
        }
        return rate;
    }
}
