package dev.portcullis.database;

import dev.portcullis.security.core.Outages;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSource.FlushMode;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether PostgreSQL is known to be unreachable, so that a request that needs it is answered 503 at once
 * instead of waiting out the pool. Closed, the pool works as configured. A failure that says the server may be
 * unreachable — a refused or broken connection, a server shutting down — sends a probe to open a connection of
 * its own, and if it cannot either, the circuit opens: the pool then lends no connection ({@link CircuitGate})
 * and gives up on making one within milliseconds (idle connections, which belonged to the server that went
 * away, are dropped), and the probe tries again every {@code portcullis.database.probe-interval}; the first
 * connection it gets closes the circuit and gives the pool back its acquisition timeout. Anything that needs no
 * connection — an anonymous read of no table, a credential in the cache — is not affected. Application-scoped,
 * as is the gate, so that neither is made while the pool that consults the gate is being made.
 */
@ApplicationScoped
public class DatabaseCircuit {

    private static final Logger LOG = Logger.getLogger(DatabaseCircuit.class);
    /**
     * What the pool waits for a connection while the circuit is open. Its driver refuses at once then
     * ({@link CircuitBreakingDriver}), and the pool retries a refused attempt after the rest of its wait less
     * 100 ms, up to a second: with this, at once. Zero would mean forever.
     */
    private static final Duration WHILE_OPEN = Duration.ofMillis(20);
    /**
     * How long after PostgreSQL answers again the pool holds no more than {@link #warmUpSize()} connections. The
     * pool makes connections one at a time (40-100 ms each on a server that has just started), and a request that
     * finds none free waits for the one it asked to be made: right after an outage, with every connection gone,
     * the ninth of nine waiting requests waited for nine (a first write 1.1 s after the server came back). Capped,
     * they take turns on the first few instead, each for the few milliseconds a request holds one.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(1);

    private final AgroalDataSource dataSource;
    private final DatabaseProbe probe;
    private final Duration probeInterval;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "portcullis-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    /** When the circuit opened; {@code null} while it is closed. */
    private final AtomicReference<Instant> openSince = new AtomicReference<>();
    /** Whether a failure is being checked by the probe (one check at a time). */
    private final AtomicBoolean suspected = new AtomicBoolean();
    /** The connections the pool keeps, made again when the circuit closes. */
    private final int minSize;
    /** The most connections the pool may hold, given back once it has warmed up after an outage. */
    private final int maxSize;
    /** The pool's own acquisition timeout, given back when the circuit closes. */
    private final Duration acquisitionTimeout;

    DatabaseCircuit(AgroalDataSource dataSource, DatabaseProbe probe, MeterRegistry meters,
                    @ConfigProperty(name = "portcullis.database.probe-interval", defaultValue = "50ms")
                    Duration probeInterval) {
        this.dataSource = dataSource;
        this.probe = probe;
        this.probeInterval = probeInterval;
        this.acquisitionTimeout = pool().acquisitionTimeout();
        this.minSize = pool().minSize();
        this.maxSize = pool().maxSize();
        Class<?> driver = pool().connectionFactoryConfiguration().connectionProviderClass();
        if (driver != CircuitBreakingDriver.class) {
            LOG.warnf("quarkus.datasource.jdbc.driver is %s, not %s: during a database outage every request that"
                    + " needs a connection will still try to make one", driver == null ? "unset" : driver.getName(),
                    CircuitBreakingDriver.class.getName());
        }
        Gauge.builder("portcullis.database.circuit.open", this, circuit -> circuit.isOpen() ? 1 : 0)
                .description("1 while PostgreSQL is known to be unreachable and requests that need it are answered 503")
                .register(meters);
    }

    public boolean isOpen() {
        return openSince.get() != null;
    }

    /** Since when PostgreSQL has been unreachable; empty while the circuit is closed. */
    public Optional<Instant> openSince() {
        return Optional.ofNullable(openSince.get());
    }

    /**
     * Asks the probe, when the failure says that PostgreSQL may be unreachable, and opens the circuit if the probe
     * cannot connect either; other failures leave it be. One connection ended (a backend terminated, a connection
     * a proxy dropped) is not an outage: a server that still accepts connections keeps the circuit closed.
     */
    public void observe(Throwable failure) {
        if (Outages.databaseUnreachable(failure) && !isOpen() && suspected.compareAndSet(false, true)) {
            prober.execute(() -> confirm(failure));
        }
    }

    private void confirm(Throwable suspicion) {
        try {
            if (!probe.answers()) {
                open(suspicion);
            }
        } finally {
            suspected.set(false);
        }
    }

    private void open(Throwable cause) {
        if (!openSince.compareAndSet(null, Instant.now())) {
            return;
        }
        CircuitBreakingDriver.refuse(true);
        pool().setAcquisitionTimeout(WHILE_OPEN);
        // No connections kept while there is no server to keep them on: every request would wait for the pool's
        // attempts to make them.
        pool().setMinSize(0);
        dataSource.flush(FlushMode.IDLE);
        LOG.warnf("PostgreSQL cannot be reached (%s): requests that need it are answered 503 until it answers again",
                Outages.describe(cause));
        prober.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (probe.answers()) {
            close();
        } else {
            prober.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void close() {
        // The pool gets its own timeout back at once: a short one cancels connection attempts that take longer, and
        // a cancelled attempt interrupts the thread making it, which fails the next attempt too (kept for two
        // seconds after recovery, the short wait made the first write wait 3.5 s). The connections it keeps are made
        // at once and handed to waiting requests, which share them while the pool warms up. Connections given back
        // during the outage have been idle since, so the pool validates them before it lends them.
        CircuitBreakingDriver.refuse(false);
        pool().setAcquisitionTimeout(acquisitionTimeout);
        pool().setMaxSize(warmUpSize());
        pool().setMinSize(minSize);
        dataSource.flush(FlushMode.FILL);
        prober.schedule(() -> pool().setMaxSize(maxSize), WARM_UP.toMillis(), TimeUnit.MILLISECONDS);
        Instant since = openSince.getAndSet(null);
        LOG.infof("PostgreSQL answers again after %d ms; requests use it again",
                Duration.between(since, Instant.now()).toMillis());
    }

    /**
     * The connections right after an outage: those the pool keeps (at least two), which requests share. (The listener
     * for credential changes has a connection of its own, outside the pool.)
     */
    private int warmUpSize() {
        return Math.min(maxSize, Math.max(minSize, 2));
    }

    private AgroalConnectionPoolConfiguration pool() {
        return dataSource.getConfiguration().connectionPoolConfiguration();
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }
}
