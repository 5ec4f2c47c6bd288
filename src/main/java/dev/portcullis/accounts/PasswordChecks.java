package dev.portcullis.accounts;

import dev.portcullis.security.core.Errors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many sign-ins check a password at once. A check takes a core for its whole time (a quarter of a second with C1
 * only), and a sign-in waiting for a core holds one of the worker threads every other request needs: 24 clients
 * signing in at once took a replica with 12 workers from 4,600 pages a second to 2. So at most
 * {@code portcullis.password.concurrent-checks} checks run at once (by default one per processor the JVM sees), as
 * many more wait their turn, and a sign-in beyond those is refused at once with DRF's 429 and {@code Retry-After} —
 * before the login rate counts it, so a busy replica costs nobody an attempt. Refusals are counted
 * ({@code portcullis_password_checks_refused_total}) and logged at most once in {@value #LOG_EVERY_SECONDS} seconds:
 * a client that ignores {@code Retry-After} is refused thousands of times a second. Made at start-up, so that a
 * setting below 1 stops the start rather than the first sign-in.
 */
@Startup
@Singleton
public class PasswordChecks {

    private static final Logger LOG = Logger.getLogger(PasswordChecks.class);
    private static final double RETRY_AFTER_SECONDS = 1;
    private static final long LOG_EVERY_SECONDS = 10;
    /** The counter of sign-ins refused because as many were checking and waiting. */
    public static final String REFUSED_METER = "portcullis.password.checks.refused";

    /** One sign-in admitted to a password check; closing it gives its place, and its turn, to the next. */
    public final class Turn implements AutoCloseable {
        private boolean checking;

        private Turn() {
        }

        /** Waits until fewer than {@code concurrent-checks} passwords are being checked. */
        public void awaitCheck() {
            running.acquireUninterruptibly();
            checking = true;
        }

        @Override
        public void close() {
            if (checking) {
                checking = false;
                running.release();
            }
            admitted.release();
        }
    }

    private final int concurrent;
    private final Semaphore running;
    private final Semaphore admitted;
    private final Counter refused;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS));
    private final AtomicLong refusedSinceLogged = new AtomicLong();

    public PasswordChecks(@ConfigProperty(name = "portcullis.password.concurrent-checks") Optional<Integer> configured,
                          MeterRegistry meters) {
        this.concurrent = configured.orElse(Runtime.getRuntime().availableProcessors());
        if (concurrent < 1) {
            throw new IllegalArgumentException("portcullis.password.concurrent-checks must be at least 1, not " + concurrent);
        }
        this.running = new Semaphore(concurrent, true);
        this.admitted = new Semaphore(2 * concurrent);
        this.refused = Counter.builder(REFUSED_METER)
                .description("Sign-ins refused 429 because as many as may check a password at once were checking "
                        + "and as many more waiting")
                .register(meters);
    }

    /**
     * Admits a sign-in at once, to wait for its check ({@link Turn#awaitCheck()}), unless as many as may check are
     * checking and as many more waiting.
     *
     * @throws dev.portcullis.security.core.ApiException 429 when they are
     */
    public Turn admit() {
        if (!admitted.tryAcquire()) {
            refuse();
            throw Errors.throttled(RETRY_AFTER_SECONDS);
        }
        return new Turn();
    }

    private void refuse() {
        refused.increment();
        long refusals = refusedSinceLogged.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS) && lastLogged.compareAndSet(last, now)) {
            refusedSinceLogged.addAndGet(-refusals);
            LOG.infof("sign-ins refused: %d password checks running and %d waiting; %d refused since the last such line",
                    concurrent, concurrent, refusals);
        }
    }

    /** How many checks may run at once. */
    public int concurrent() {
        return concurrent;
    }

    /** How many sign-ins hold a turn or wait for one now. */
    public int admitted() {
        return 2 * concurrent - admitted.availablePermits();
    }
}
