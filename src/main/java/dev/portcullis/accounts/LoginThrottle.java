package dev.portcullis.accounts;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.throttle.Rate;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * The scoped rate of the login endpoints ({@code /api/token/}, {@code /api/jwt/create/}, {@code /api/auth/login/}),
 * counted twice — by client address, and by the username tried — so that neither one address trying many names
 * nor many addresses trying one name gets far. Shared by every replica. Off unless
 * {@code portcullis.throttle.login.rate} is set.
 */
@Singleton
public class LoginThrottle {

    private final SharedThrottleStore store;
    private final Optional<Rate> rate;

    public LoginThrottle(SharedThrottleStore store,
                         @ConfigProperty(name = "portcullis.throttle.login.rate") Optional<String> rate) {
        this.store = store;
        this.rate = rate.map(Rate::parse);
    }

    /** @throws ApiException 429 when the address or the username has used up the rate */
    public void check(String clientAddress, String username) {
        if (rate.isEmpty()) {
            return;
        }
        for (String key : new String[]{"login:address:" + clientAddress, "login:username:" + username.toLowerCase(Locale.ROOT)}) {
            store.hit(key, rate.get()).ifPresent(throttled -> {
                throw Errors.throttled(throttled.waitSeconds());
            });
        }
    }
}
