package dev.portcullis.throttle;

import dev.portcullis.accounts.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a throttled login costs: nothing — it is refused before its password is checked, so a guesser cannot make
 * the service spend a hash's CPU beyond the rate. Counted by the service's own counter of password checks, read
 * in-process (the packaged suites reach metrics on another interface in production).
 */
@QuarkusTest
@TestProfile(ThrottlingTest.Rates.class)
class ThrottledLoginCostTest {

    @Inject
    MeterRegistry meters;

    /** Each login endpoint and Basic authentication: three guesses cost three checks, the throttled fourth none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/token/      |11.0|400",
            "/api/jwt/create/ |11.1|401",
            "/api/auth/login/ |11.2|400",
            "basic            |11.3|401",
    })
    void aThrottledLoginNeverReachesTheHash(String endpoint, String net, int refused) {
        String username = "hash-target-" + net + ThrottlingTest.NAMES;
        java.util.function.IntFunction<Response> guess = i -> endpoint.equals("basic")
                ? ThrottlingTest.basic(ThrottlingTest.at(net + "." + i), username, "not-the-password")
                : ThrottlingTest.login(endpoint, ThrottlingTest.at(net + "." + i), username);
        double before = passwordChecks();
        for (int i = 0; i < 3; i++) {
            assertEquals(refused, guess.apply(i).statusCode());
        }
        assertEquals(before + 3, passwordChecks(), "one check per guess under the rate");
        ThrottlingTest.assertThrottled(guess.apply(9));
        assertEquals(before + 3, passwordChecks(), "the throttled guess was refused before its check");
    }

    private double passwordChecks() {
        return meters.find(PasswordHasher.CHECKS_METER).counter().count();
    }
}
