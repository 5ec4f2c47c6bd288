package dev.portcullis.accounts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Django's password hashes, verified and made here: the keys Django's PBKDF2 derives, bit for bit. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000, new SimpleMeterRegistry());

    /**
     * Keys as Django 3.2's {@code PBKDF2PasswordHasher().encode(password, salt, iterations)} writes them (Debian's
     * python3-django; it calls Python's {@code hashlib.pbkdf2_hmac}). The first two are RFC 7914's test vectors
     * (their first 32 bytes); a password longer than a SHA-256 block is hashed first, as HMAC's key.
     */
    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "passwd              | salt                   | 1      | VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=",
            "Password            | NaCl                   | 80000  | TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1Y=",
            "lètmein             | seasalt                | 260000 | YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "''                  | emptypass              | 1000   | Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
            "x*100               | longkey                | 1000   | 3m8fJza7uGGKGlUncTWUbIlIpFvv1ceBP5bi/Hu7O9Y=",
            "密码 pässwörd        | abcdefghijklmnopqrstuv | 20000  | c4vt43BlY5OLNxUJ/Vra2vuJdueX4pMUKloNiPCn0bc=",
    })
    void derivesTheKeysDjangoDerives(String password, String salt, int iterations, String key) {
        String plain = password.equals("x*100") ? "x".repeat(100) : password;
        String encoded = "pbkdf2_sha256$" + iterations + "$" + salt + "$" + key;
        assertEquals(key, Base64.getEncoder().encodeToString(Pbkdf2Sha256.derive(
                plain.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8), iterations)));
        assertTrue(hasher.verify(plain, encoded), encoded);
        assertFalse(hasher.verify(plain + "!", encoded), "another password");
    }

    /** The key the JDK's PBKDF2WithHmacSHA256 derives, for passwords and salts of every length around a block. */
    @Test
    void agreesWithTheJdksPbkdf2() throws Exception {
        Random random = new Random(20261204);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        for (int run = 0; run < 300; run++) {
            char[] password = new char[random.nextInt(150)];
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0xa0 + random.nextInt(0x2000));
            }
            byte[] salt = new byte[1 + random.nextInt(80)];
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(40);
            byte[] expected = jdk.generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
            assertArrayEquals(expected, Pbkdf2Sha256.derive(new String(password).getBytes(StandardCharsets.UTF_8),
                    salt, iterations), "run " + run);
        }
    }

    @Test
    void aHashMadeHereIsDjangosFormatAndVerifies() {
        String encoded = hasher.hash("correct horse");
        String[] parts = encoded.split("\\$");
        assertEquals(4, parts.length, encoded);
        assertEquals("pbkdf2_sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(22, parts[2].length(), "the salt's length, as Django makes it");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertTrue(hasher.verify("correct horse", encoded));
        assertFalse(hasher.verify("correct horse ", encoded));
    }

    /**
     * A stored value that is not a usable hash matches no password, and costs no derivation: Django refuses an empty
     * salt and fewer than one iteration too.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null",
            "''",
            "!unusable",
            "pbkdf2_sha256$1000$seasalt",
            "pbkdf2_sha256$1000$$Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
            "pbkdf2_sha1$1000$seasalt$Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
            "pbkdf2_sha256$0$seasalt$Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
            "pbkdf2_sha256$-1$seasalt$Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
            "pbkdf2_sha256$1000000000$seasalt$Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
            "pbkdf2_sha256$1e3$seasalt$Pw0A4MTsKW7A6OR/dEYIjfE/NvyJ9Xw+CD8N8a7XBPI=",
    })
    void anUnusableHashMatchesNothing(String encoded) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PasswordHasher counted = new PasswordHasher(1000, meters);
        assertFalse(counted.verify("", encoded));
        assertFalse(counted.verify("anything", encoded));
        assertEquals(0.0, meters.counter(PasswordHasher.CHECKS_METER).count(), "no password was checked");
    }
}
