package dev.portcullis.accounts;

import dev.portcullis.SettingsOfTheirOwn;
import dev.portcullis.api.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A login with an unknown username costs what a wrong password for a known one costs — one password check —
 * so that the time of the answer does not tell which usernames exist. Measured with enough iterations for the
 * check to be most of a login (as in production), the two kinds of guess taken in turn so that the machine's
 * drift affects both alike; their medians must agree within {@link #TOLERANCE}.
 */
@QuarkusTest
@TestProfile(SettingsOfTheirOwn.class)
class LoginTimingTest {

    private static final int ROUNDS = 25;
    /** Of the known username's median: a skipped check would make the unknown one several times faster. */
    private static final double TOLERANCE = 0.25;

    @Inject
    MeterRegistry meters;

    @Test
    void anUnknownUsernameCostsWhatAWrongPasswordCosts() {
        String known = Api.unique("timing");
        Api.token(known);
        String unknown = known + "-nobody";
        for (int i = 0; i < 3; i++) {  // warm-up
            guess(known);
            guess(unknown);
        }
        long[] knownMillis = new long[ROUNDS];
        long[] unknownMillis = new long[ROUNDS];
        double checksBefore = passwordChecks();
        for (int i = 0; i < ROUNDS; i++) {
            knownMillis[i] = guess(known);
            unknownMillis[i] = guess(unknown);
        }
        double knownMedian = median(knownMillis);
        double unknownMedian = median(unknownMillis);
        System.out.printf("Login timing: wrong password median %.1f ms (%s), unknown username median %.1f ms (%s)%n",
                knownMedian, Arrays.toString(knownMillis), unknownMedian, Arrays.toString(unknownMillis));
        assertTrue(Math.abs(knownMedian - unknownMedian) <= TOLERANCE * knownMedian,
                "wrong password " + knownMedian + " ms, unknown username " + unknownMedian + " ms");
        assertEquals(checksBefore + 2 * ROUNDS, passwordChecks(), "one password check per guess, either kind");
    }

    /** One wrong guess at {@code /api/token/}; its time in milliseconds. */
    private static long guess(String username) {
        long start = System.nanoTime();
        Response response = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "not-the-password")).post("/api/token/");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(400, response.statusCode());
        assertEquals("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}", response.asString());
        return millis;
    }

    private double passwordChecks() {
        return meters.find(PasswordHasher.CHECKS_METER).counter().count();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
