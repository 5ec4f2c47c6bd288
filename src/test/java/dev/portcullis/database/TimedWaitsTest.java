package dev.portcullis.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimedWaitsTest {

    @ParameterizedTest(name = "Java {0}: timed waits honoured {1}")
    @CsvSource({
            "17.0.15+6, false",
            "17,        false",
            "21,        false",
            "21.0.1,    false",
            "21.0.2,    true",
            "21.0.9+10, true",
            "22,        true",
            "25.0.1+8,  true",
    })
    void aJdkBefore21_0_2MayLetATimedWaitOutlastItsTimeout(String version, boolean honoured) {
        assertEquals(honoured, TimedWaits.honouredBy(Runtime.Version.parse(version)));
    }
}
