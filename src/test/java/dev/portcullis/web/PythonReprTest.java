package dev.portcullis.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Python's {@code repr()} of a string, which Django's messages quote values with — checked against Python 3. */
class PythonReprTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "evil.example        | 'evil.example'",
            "it's                | \"it's\"",
            "both ' and \"       | 'both \\' and \"'",
            "back\\slash         | 'back\\\\slash'",
            "``                  | ''",
    })
    void quotesAsPython(String text, String repr) {
        assertEquals(repr, PythonRepr.of(text));
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAreEscaped() {
        assertEquals("'a\\tb\\x01\\x7f\\x85'", PythonRepr.of("a\tb\u0001\u007f\u0085"));
    }
}
