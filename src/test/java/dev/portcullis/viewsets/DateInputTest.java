package dev.portcullis.viewsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A date filter's value as django-filter's {@code DateFilter} reads it: Django's form {@code DateField} with the
 * English input formats. Each expectation is Django 3.2's with localization on ({@code tools/drf/dates.py}).
 */
class DateInputTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-01-05        |2026-01-05",
            "2026-1-5          |2026-01-05",
            "2026-01- 5        |2026-01-05",
            "' 2026-01-05\t'   |2026-01-05",
            "01/05/2026        |2026-01-05",
            "1/ 5/2026         |2026-01-05",
            "5/1/2026          |2026-05-01",
            "02/29/2024        |2024-02-29",
            "1/5/26            |2026-01-05",
            "1/5/68            |2068-01-05",
            "1/5/69            |1969-01-05",
            "12/31/99          |1999-12-31",
            "1/1/00            |2000-01-01",
            "''                |SKIP",
            "'   '             |!Enter a valid date.",
            "02/29/2023        |!Enter a valid date.",
            "2026-02-30        |!Enter a valid date.",
            "0000-01-01        |!Enter a valid date.",
            "13/1/2026         |!Enter a valid date.",
            "1/32/2026         |!Enter a valid date.",
            "2026/01/05        |!Enter a valid date.",
            "2026-01-05T00:00  |!Enter a valid date.",
            "Jan 5 2026        |!Enter a valid date.",
            "20260105          |!Enter a valid date.",
            "1/5/2026x         |!Enter a valid date.",
            "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0665|!Enter a valid date.",
    })
    void readsAsDjangosDateFieldReads(String text, String expected) {
        Object read;
        try {
            read = FilterValue.of(LocalDate.class, false, null).read(text);
        } catch (Field.Invalid invalid) {
            read = "!" + String.join(" ", invalid.messages());
        }
        assertEquals(expected, read == FilterValue.SKIP ? "SKIP" : String.valueOf(read));
    }
}
