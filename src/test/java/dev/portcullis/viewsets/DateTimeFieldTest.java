package dev.portcullis.viewsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Times as DRF writes them: Python's {@code isoformat()} in UTC with {@code Z} (each expectation is Python's). */
class DateTimeFieldTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-29T21:05:07Z,                    2026-11-29T21:05:07Z",
            "2026-11-29T21:05:07.120Z,                2026-11-29T21:05:07.120000Z",
            "2026-01-02T03:04:05.000006+02:00,        2026-01-02T01:04:05.000006Z",
            "0999-12-31T23:59:59.999999-05:00,        1000-01-01T04:59:59.999999Z",
            "0045-03-05T06:07:08.000010Z,             0045-03-05T06:07:08.000010Z",
            "2026-11-29T21:05:07.000000999Z,          2026-11-29T21:05:07Z",
            "2026-11-29T21:05:07.123456789Z,          2026-11-29T21:05:07.123456Z",
            // Past Python's years (1 to 9999), which PostgreSQL can still hold: the year as Java writes the number.
            "+10000-01-01T00:00:00Z,                  10000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999Z,       999999999-12-31T23:59:59.999999Z",
            "-0005-03-05T06:07:08Z,                   00-5-03-05T06:07:08Z",
            "-999999999-01-01T00:00:00.5Z,            -999999999-01-01T00:00:00.500000Z",
    })
    void createdAtIsWrittenAsDrfWritesIt(String time, String expected) {
        assertEquals(expected, DateTimeField.isoFormat(OffsetDateTime.parse(time)));
    }
}
