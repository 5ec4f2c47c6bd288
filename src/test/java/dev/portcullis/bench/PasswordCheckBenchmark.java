package dev.portcullis.bench;

import dev.portcullis.accounts.PasswordHasher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/**
 * One password check at the production cost (260,000 iterations, the hash Django's tests make for "lètmein"),
 * against the same derivation by the JDK's {@code PBKDF2WithHmacSHA256}, in the same fork:
 * {@code BENCHMARK=PasswordCheckBenchmark bench/jmh.sh}, and with {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}
 * for the ConfigMap's C1-only JIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordCheckBenchmark {

    private static final String PASSWORD = "lètmein";
    private static final String SALT = "seasalt";
    private static final int ITERATIONS = 260_000;
    private static final String DJANGO_HASH = "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";

    private final PasswordHasher hasher = new PasswordHasher(ITERATIONS, new SimpleMeterRegistry());

    /** What a sign-in with a password costs the service. */
    @Benchmark
    public boolean passwordHasherVerify() {
        return hasher.verify(PASSWORD, DJANGO_HASH);
    }

    /** The reference: the JDK's PBKDF2, which hashes HMAC's padded key anew at every iteration. */
    @Benchmark
    public byte[] jdkPbkdf2WithHmacSha256() throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(PASSWORD.toCharArray(),
                SALT.getBytes(StandardCharsets.UTF_8), ITERATIONS, 256)).getEncoded();
    }
}
