package dev.portcullis.accounts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Django's default password hasher, {@code pbkdf2_sha256$<iterations>$<salt>$<hash>} ({@link Pbkdf2Sha256} on the
 * JDK's SHA-256): hashes move between Django and Portcullis unchanged, so users migrating from DRF keep their
 * passwords.
 */
@Singleton
public class PasswordHasher {

    private static final String ALGORITHM = "pbkdf2_sha256";
    private static final String SALT_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int SALT_LENGTH = 22;
    /** The counter of passwords checked against a hash ({@code portcullis_password_checks_total}). */
    public static final String CHECKS_METER = "portcullis.password.checks";

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final String dummyHash;
    private final Counter checks;

    public PasswordHasher(@ConfigProperty(name = "portcullis.password.iterations", defaultValue = "260000") int iterations,
                          MeterRegistry meters) {
        this.iterations = iterations;
        this.checks = Counter.builder(CHECKS_METER)
                .description("Passwords checked against a hash (each costs the configured PBKDF2 iterations of CPU); "
                        + "a throttled login is refused before it costs one")
                .register(meters);
        // Shaped like a real hash, with random key bytes that no password derives to: verifying against it
        // costs what a real verification costs, and making it costs nothing at start-up.
        byte[] unusableKey = new byte[Pbkdf2Sha256.KEY_BYTES];
        random.nextBytes(unusableKey);
        this.dummyHash = ALGORITHM + "$" + iterations + "$" + salt() + "$" + Base64.getEncoder().encodeToString(unusableKey);
    }

    public String hash(String password) {
        String salt = salt();
        return ALGORITHM + "$" + iterations + "$" + salt + "$" + derive(password, salt, iterations);
    }

    /** Constant-time comparison; {@code false} for a hash of another format. */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", 4);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0]) || !parts[1].matches("[1-9]\\d{0,8}")
                || parts[2].isEmpty()) {
            return false;
        }
        checks.increment();
        String computed = derive(password, parts[2], Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII));
    }

    /** Spends the time of one verification, so that an unknown username answers as slowly as a wrong password. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    private String salt() {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_CHARACTERS.charAt(random.nextInt(SALT_CHARACTERS.length())));
        }
        return salt.toString();
    }

    private static String derive(String password, String salt, int iterations) {
        return Base64.getEncoder().encodeToString(Pbkdf2Sha256.derive(password.getBytes(StandardCharsets.UTF_8),
                salt.getBytes(StandardCharsets.UTF_8), iterations));
    }
}
