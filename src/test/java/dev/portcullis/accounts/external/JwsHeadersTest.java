package dev.portcullis.accounts.external;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The key id read from a JWS header alone, whatever else the token holds; anything unreadable names none. */
class JwsHeadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "{\"alg\":\"RS256\",\"kid\":\"portcullis\",\"typ\":\"JWT\"}   |portcullis",
            "{\"kid\" : \"2026-11\", \"alg\":\"RS256\"}                  |2026-11",
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}                         |-",
            "{\"alg\":\"none\",\"kid\":\"a\\\"b\"}                       |-",
            "not json at all                                             |-",
    })
    void theKeyIdOfAHeader(String header, String kid) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(header.strip().getBytes(StandardCharsets.UTF_8));
        assertEquals(kid, JwsHeaders.keyId(encoded + ".eyJzdWIiOiJ4In0.c2ln"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"no-dots-at-all", ".starts.with-a-dot", "***.not.base64url"})
    void aTokenWhoseHeaderCannotBeReadNamesNoKey(String token) {
        assertEquals(null, JwsHeaders.keyId(token));
    }
}
