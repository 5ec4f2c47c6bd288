package dev.portcullis.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys are kept as their SHA-256 in hex: the rows stored by every earlier release must still be found. */
class TokensTest {

    @ParameterizedTest
    @CsvSource({
            "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b, 5cc1e9113bbaa7040c4e0fbe80ea6aa743e34add380c596abe5fe584ece883ec",
    })
    void hashesAsSha256InLowerCaseHex(String key, String expected) {
        assertEquals(expected, Tokens.hash(key));
    }

    @ParameterizedTest
    @CsvSource({"abc", "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"})
    void hashesTheSameOnManyThreadsAtOnce(String key) {
        String expected = Tokens.hash(key);
        List<String> hashes = IntStream.range(0, 10_000).parallel().mapToObj(i -> Tokens.hash(key)).distinct().toList();
        assertEquals(List.of(expected), hashes);
    }
}
