package dev.portcullis.examples.fields;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.viewsets.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A field written outside the framework's package, through the public field SPI only. */
class IsbnFieldTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'\"978-0-306-40615-7\"'|9780306406157",
            "'\"9780306406157\"'    |9780306406157",
            "'\"978-0-306-40615-8\"'|The check digit of \"978-0-306-40615-8\" is wrong.",
            "'\"978030640615\"'     |Enter an ISBN-13.",
            "9780306406157          |Enter an ISBN-13.",
            "'[]'                   |Enter an ISBN-13.",
    })
    void readsAnIsbn(String json, String expected) throws Exception {
        IsbnField field = new IsbnField("isbn");
        String got;
        try {
            got = (String) field.toInternalValue(new ObjectMapper().readTree(json));
        } catch (Field.Invalid invalid) {
            got = String.join(" ", invalid.messages());
        }
        assertEquals(expected, got);
        assertEquals("isbn", field.name());
    }
}
