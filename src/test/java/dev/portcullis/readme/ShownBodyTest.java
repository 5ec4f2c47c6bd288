package dev.portcullis.readme;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a body shown in the README is compared with a real answer: strict, but for … and the README's line breaks. */
class ShownBodyTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"detail\":\"Invalid token.\"}                        |{\"detail\":\"Invalid token.\"}                         |true",
            "{\"detail\":\"Invalid token.\"}                        |{\"detail\":\"Invalid token\"}                          |false",
            "{\"detail\":\"Invalid token.\"}                        |{\"detail\":\"Invalid token.\",\"hint\":\"x\"}          |false",
            "{\"detail\":\"a\", \"code\":\"b\"}                     |{\"detail\":\"a\",\"code\":\"b\"}                       |true",
            "{\"detail\":\"two words\"}                             |{\"detail\":\"twowords\"}                               |false",
            "{\"id\":2,\"username\":\"alice\",…,\"auth\":\"Token\"} |{\"id\":2,\"username\":\"alice\",\"x\":1,\"auth\":\"Token\"} |true",
            "{\"id\":2,\"username\":\"alice\",…,\"auth\":\"Token\"} |{\"id\":3,\"username\":\"alice\",\"x\":1,\"auth\":\"Token\"} |false",
            "{\"access\":\"eyJ…\"}                                  |{\"access\":\"eyJhbGciOi.x.y\"}                          |true",
            "{\"token\":\"c8db6953b1d4c9a0b5d67fa38b5875d91ea7c371\"} |{\"token\":\"0123456789abcdef0123456789abcdef01234567\"} |true",
            "{\"token\":\"c8db6953b1d4c9a0b5d67fa38b5875d91ea7c371\"} |{\"token\":\"not-a-key\"}                            |false",
    })
    void matches(String shown, String answered, boolean expected) {
        assertEquals(expected, ShownBody.matches(shown, answered, new Bindings()));
    }
}
