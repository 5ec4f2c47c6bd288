package dev.portcullis.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the signing key comes from: a file, the classpath, or its PEM text; a message never shows the text. */
class JwtKeysTest {

    private static final Path PEM = Path.of("src/test/resources/test-keys/signing.pem");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a file", "a file: URL", "the classpath", "its PEM text"})
    void theSameKeyFromAnywhere(String from) throws Exception {
        String location = switch (from) {
            case "a file" -> PEM.toString();
            case "a file: URL" -> "file:" + PEM.toAbsolutePath();
            case "the classpath" -> "classpath:test-keys/signing.pem";
            default -> Files.readString(PEM);
        };
        JwtKeys keys = JwtKeys.load(location, "kid-1", List.of());
        assertEquals(JwtKeys.load(PEM.toString(), "kid-1", List.of()).verificationKeys(), keys.verificationKeys());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE KEY-----", "/no/such/key.pem"})
    void aKeyThatCannotBeReadIsNamedButNeverShown(String location) {
        String text = location.replace("\\n", "\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JwtKeys.load(text, "k", List.of()));
        assertFalse(refused.getMessage().contains("bm90IGEga2V5"), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("Cannot read the JWT keys (portcullis.jwt.signing-key="
                + (text.startsWith("-----") ? "a PEM key given as its text" : text)), refused.getMessage());
    }
}
