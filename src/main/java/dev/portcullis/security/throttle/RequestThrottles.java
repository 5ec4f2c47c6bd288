package dev.portcullis.security.throttle;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Errors;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * DRF's {@code AnonRateThrottle} and {@code UserRateThrottle}, run after the permissions as DRF's
 * {@code check_throttles}: anonymous requests by client address, authenticated ones by user. Off unless a rate
 * is configured, as in DRF; kept per replica.
 */
@Singleton
public class RequestThrottles {

    private final InMemoryThrottleStore store;
    private final ClientAddresses addresses;
    private final Optional<Rate> anonymous;
    private final Optional<Rate> user;

    public RequestThrottles(InMemoryThrottleStore store, ClientAddresses addresses,
                            @ConfigProperty(name = "portcullis.throttle.anon.rate") Optional<String> anonymous,
                            @ConfigProperty(name = "portcullis.throttle.user.rate") Optional<String> user) {
        this.store = store;
        this.addresses = addresses;
        this.anonymous = anonymous.map(Rate::parse);
        this.user = user.map(Rate::parse);
    }

    /** @throws ApiException 429 when the caller has used up its rate */
    public void check(Caller caller, HttpServerRequest connection) {
        Optional<Rate> rate = caller.authenticated() ? user : anonymous;
        if (rate.isPresent()) {
            String key = caller.authenticated() ? "user:" + caller.id() : "anon:" + addresses.of(connection);
            store.hit(key, rate.get()).ifPresent(throttled -> {
                throw Errors.throttled(throttled.waitSeconds());
            });
        }
    }
}
