package dev.portcullis;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.time.Duration;
import java.util.Map;

/**
 * One start of the service for the suites that each need one setting of their own, which the others do not notice —
 * every other profile costs the test run a build and a start of its own (about 14 s on two cores).
 * <ul>
 *   <li>{@link #PASSWORD_ITERATIONS}: a password check as costly as in production, so that it is most of a login
 *       ({@code LoginTimingTest}); the other suites sign in a few users only.</li>
 *   <li>{@link #TOKEN_LIFETIME}: tokens that expire within a test ({@code ExpiringTokensTest}); the other suites
 *       make their users and use their tokens at once (a fixture's token kept for later would expire here).</li>
 *   <li>{@code AllowAny} as the default permission ({@code PolicyLockDefaultsTest}); the other suites only sign in
 *       and ask endpoints that authenticate first, so a refused credential is refused before any permission.</li>
 * </ul>
 */
public class SettingsOfTheirOwn implements QuarkusTestProfile {

    public static final int PASSWORD_ITERATIONS = 60_000;
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(2);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portcullis.password.iterations", String.valueOf(PASSWORD_ITERATIONS),
                "portcullis.token.lifetime", TOKEN_LIFETIME.toString(),
                "portcullis.default-permissions", "AllowAny");
    }
}
