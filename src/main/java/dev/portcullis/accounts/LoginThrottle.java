package dev.portcullis.accounts;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.throttle.Rate;
import dev.portcullis.security.throttle.ThrottleStore.Throttled;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * The rate of failed password logins — {@code /api/token/}, {@code /api/jwt/create/}, {@code /api/auth/login/}
 * and {@code BasicAuthentication} — counted twice and shared by every replica: by client address, so that one
 * address cannot try many passwords, and by username, so that many addresses cannot try one account's password.
 * Only a wrong password counts (as django-axes counts): a correct one takes its attempt back, so the users
 * behind one carrier address do not use each other's rate up by signing in. The per-username count cannot lock
 * a user out: addresses the user signed in from within the last 30 days ({@link KnownLoginAddresses}) are let
 * through while it is used up; only new addresses wait. Off unless {@code portcullis.throttle.login.rate} is set
 * (the production profile sets it).
 */
@Singleton
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private final SharedThrottleStore store;
    private final KnownLoginAddresses knownAddresses;
    private final Optional<Rate> rate;

    public LoginThrottle(SharedThrottleStore store, KnownLoginAddresses knownAddresses,
                         @ConfigProperty(name = "portcullis.throttle.login.rate") Optional<String> rate) {
        this.store = store;
        this.knownAddresses = knownAddresses;
        this.rate = Rate.configured(rate);
    }

    /** Whether logins are counted at all (a rate is set), so that one can be refused 429. */
    public boolean counts() {
        return rate.isPresent();
    }

    /** One login in progress: counted as failed unless {@link #succeeded()} says otherwise. */
    public interface Attempt {
        /** The password was right: the attempt is taken back, and the address is remembered for the user. */
        void succeeded();
    }

    /**
     * Counts a login before its password is checked, so that guesses sent at once are counted at once.
     *
     * @throws ApiException 429 when the address, or the username from an address it has not used, has used up
     *                      its rate of failures
     */
    public Attempt attempt(String clientAddress, String username) {
        if (rate.isEmpty()) {
            return () -> {
            };
        }
        String address = digest(clientAddress);
        String byAddress = "login:address:" + address;
        store.hit(byAddress, rate.get()).ifPresent(throttled -> refuse(throttled, clientAddress, "address"));
        String name = usernameKey(username);
        String byName = "login:username:" + name;
        Optional<Throttled> nameThrottled = store.hit(byName, rate.get());
        if (nameThrottled.isPresent() && !knownAddresses.contains(name, address)) {
            store.forget(byAddress);
            refuse(nameThrottled.get(), clientAddress, "username");
        }
        return () -> {
            store.forget(byAddress);
            if (nameThrottled.isEmpty()) {
                store.forget(byName);
            }
            knownAddresses.remember(name, address);
        };
    }

    private static void refuse(Throttled throttled, String clientAddress, String countedBy) {
        LOG.infof("login throttled client=%s counted_by=%s wait=%s", clientAddress, countedBy, throttled.waitSeconds());
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
