package dev.portcullis.accounts;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.throttle.Rate;
import dev.portcullis.security.throttle.ThrottleStore.Throttled;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * The rate of every password login — {@code /api/token/}, {@code /api/jwt/create/}, {@code /api/auth/login/} and
 * {@code BasicAuthentication} — counted twice and shared by every replica: by client address, so that one address
 * cannot try many passwords, and by username, so that many addresses cannot try one account's password. The
 * per-username count cannot lock a user out: addresses the user signed in from within the last 30 days
 * ({@link KnownLoginAddresses}) are let through while it is used up; only new addresses wait. Off unless
 * {@code portcullis.throttle.login.rate} is set (the production profile sets it).
 */
@Singleton
public class LoginThrottle {

    private final SharedThrottleStore store;
    private final KnownLoginAddresses knownAddresses;
    private final Optional<Rate> rate;

    public LoginThrottle(SharedThrottleStore store, KnownLoginAddresses knownAddresses,
                         @ConfigProperty(name = "portcullis.throttle.login.rate") Optional<String> rate) {
        this.store = store;
        this.knownAddresses = knownAddresses;
        this.rate = rate.map(Rate::parse);
    }

    /** @throws ApiException 429 when the address, or the username from an address it has not used, is over the rate */
    public void check(String clientAddress, String username) {
        if (rate.isEmpty()) {
            return;
        }
        String address = digest(clientAddress);
        store.hit("login:address:" + address, rate.get()).ifPresent(LoginThrottle::refuse);
        String name = usernameKey(username);
        Optional<Throttled> byName = store.hit("login:username:" + name, rate.get());
        if (byName.isPresent() && !knownAddresses.contains(name, address)) {
            refuse(byName.get());
        }
    }

    /** Records a successful login, so that this address may sign in as the user while their rate is used up. */
    public void succeeded(String clientAddress, String username) {
        if (rate.isPresent()) {
            knownAddresses.remember(usernameKey(username), digest(clientAddress));
        }
    }

    private static void refuse(Throttled throttled) {
        throw Errors.throttled(throttled.waitSeconds());
    }

    private static String usernameKey(String username) {
        return digest(User.normalize(username).toLowerCase(Locale.ROOT));
    }

    /**
     * What the counts are kept under: a fixed-length digest, however long the username or address sent, and
     * never the name itself.
     */
    static String digest(String value) {
        return Tokens.hash(String.valueOf(value));
    }
}
