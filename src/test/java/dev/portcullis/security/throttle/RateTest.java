package dev.portcullis.security.throttle;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DRF's rate strings, its {@code wait()}, and the words of its {@code Throttled}. */
class RateTest {

    @ParameterizedTest(name = "{0} -> {1} per {2} s")
    @CsvSource({"100/hour, 100, 3600", "5/min, 5, 60", "10/s, 10, 1", "1/day, 1, 86400", "3/Minute, 3, 60"})
    void parsesAsDrf(String rate, int requests, long seconds) {
        assertEquals(new Rate(requests, Duration.ofSeconds(seconds)), Rate.parse(rate));
    }

    @ParameterizedTest(name = "setting [{0}] -> {1}")
    @CsvSource(nullValues = "-", value = {"-, -", "'', -", "none, -", "NONE, -", "' none ', -", "20/hour, 20/hour"})
    void aSettingOfNoneTurnsTheRateOff(String setting, String rate) {
        assertEquals(java.util.Optional.ofNullable(rate).map(Rate::parse), Rate.configured(java.util.Optional.ofNullable(setting)));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource({"abc", "5/x", "0/m", "5", "five/m", "5/"})
    void refusesWhatIsNotARate(String rate) {
        assertThrows(IllegalArgumentException.class, () -> Rate.parse(rate));
    }

    @ParameterizedTest(name = "{0} with {1} recorded, the oldest {2} s ago -> wait {3}")
    @CsvSource(nullValues = "-", value = {"3/min, 3, 10, 50.0", "3/min, 0, 0, 15.0", "3/min, 2, 30, 15.0", "3/min, 5, 1, -"})
    void waitsAsDrf(String rate, int recorded, double oldest, Double wait) {
        assertEquals(wait, Rate.parse(rate).wait(recorded, oldest));
    }

    @ParameterizedTest(name = "wait {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "50.2|Request was throttled. Expected available in 51 seconds.|51",
            "0.4 |Request was throttled. Expected available in 1 second.|1",
            "-   |Request was throttled.|-",
    })
    void throttledSaysWhenAsDrf(Double wait, String detail, String retryAfter) {
        ApiException throttled = Errors.throttled(wait);
        assertEquals(429, throttled.status());
        assertEquals(detail, throttled.detail());
        assertEquals(retryAfter, throttled.headers().get("Retry-After"));
    }
}
