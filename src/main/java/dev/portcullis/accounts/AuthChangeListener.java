package dev.portcullis.accounts;

import dev.portcullis.database.DatabaseCircuit;
import dev.portcullis.database.DirectConnections;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hears {@link AuthChanges} from every replica ({@code LISTEN}) and makes the credential cache forget the
 * users named, within the half second a poll waits. A connection can die without a word (a NAT or a pooler
 * dropping it while idle), so the listener sends itself a heartbeat every second — a {@code NOTIFY} on the same
 * connection, which must come back within {@link #DEAF_AFTER}. Whenever changes cannot be heard (no echo, a
 * lost connection, a terminated backend), the cache is switched off until they can, so that a revocation can
 * never be missed.
 */
@Singleton
public class AuthChangeListener {

    private static final Logger LOG = Logger.getLogger(AuthChangeListener.class);
    private static final int POLL_MILLIS = 500;
    /** Between attempts to listen again: short, since the credential cache is off until it succeeds. */
    private static final long RETRY_MILLIS = 250;
    private static final long HEARTBEAT_NANOS = Duration.ofSeconds(1).toNanos();
    /** No echo of a heartbeat for this long, and changes are taken as unheard. */
    static final Duration DEAF_AFTER = Duration.ofSeconds(3);
    /** The name the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "portcullis-auth-changes";
    private static final String HEARTBEAT = "heartbeat:";

    private final DirectConnections connections;
    private final CredentialCache cache;
    private final DatabaseCircuit database;
    /** This replica's heartbeat payload: every replica hears every heartbeat, and counts only its own. */
    private final String heartbeat = HEARTBEAT + UUID.randomUUID();
    private final ExecutorService timeouts = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "portcullis-auth-changes-timeout");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    /** Whether hearing was lost and not yet found again (only the listening thread reads or writes it). */
    private boolean lost;
    private Thread thread;

    public AuthChangeListener(DirectConnections connections, CredentialCache cache, DatabaseCircuit database) {
        this.connections = connections;
        this.cache = cache;
        this.database = database;
    }

    void start(@Observes StartupEvent event,
               @ConfigProperty(name = "portcullis.credential-cache.enabled", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            LOG.debug("The credential cache is disabled");
            return;
        }
        thread = new Thread(this::listen, "portcullis-auth-changes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and closes the connection before the database shuts down. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(POLL_MILLIS * 4L);
        }
        timeouts.shutdownNow();
    }

    /**
     * Listens on a connection of its own, outside the pool ({@link DirectConnections}): after an outage, requests that
     * need the database (every credential, while the cache is off) would otherwise queue for the pool ahead of it, and
     * keep the cache off the longer. While the circuit is open only the probe connects; the listener waits for it.
     */
    private void listen() {
        while (running) {
            if (database.isOpen()) {
                pause();
                continue;
            }
            try (Connection connection = connections.open()) {
                try {
                    // A dead peer must fail a read or write within the heartbeat's deadline, not the socket timeout.
                    connection.setNetworkTimeout(timeouts, (int) DEAF_AFTER.toMillis());
                    execute(connection, "SET application_name = '" + APPLICATION_NAME + "'");
                    execute(connection, "LISTEN " + AuthChanges.CHANNEL);
                    hear(connection.unwrap(PGConnection.class), connection);
                } finally {
                    // First: whatever ended the hearing, nothing may be cached or served past this point.
                    cache.listening(false);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    database.observe(e);
                    // Once per loss, not once per attempt: during an outage it is retried four times a second.
                    LOG.logf(lost ? Logger.Level.DEBUG : Logger.Level.WARN, "Authentication changes cannot be "
                            + "heard (%s); the credential cache is off until they can", e.getMessage());
                    lost = true;
                    pause();
                }
            }
        }
    }

    /** Polls for changes and heartbeats until stopped; throws when changes can no longer be heard. */
    private void hear(PGConnection postgres, Connection connection) throws SQLException {
        cache.listening(true);
        LOG.logf(lost ? Logger.Level.INFO : Logger.Level.DEBUG, "Listening for authentication changes%s",
                lost ? " again; the credential cache is on" : "");
        lost = false;
        long echoed = System.nanoTime();
        long nextHeartbeat = echoed;
        while (running) {
            long now = System.nanoTime();
            if (now - nextHeartbeat >= 0) {
                execute(connection, "NOTIFY " + AuthChanges.CHANNEL + ", '" + heartbeat + "'");
                nextHeartbeat = now + HEARTBEAT_NANOS;
            }
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                if (heartbeat.equals(notification.getParameter())) {
                    echoed = System.nanoTime();
                    cache.confirmed();
                } else if (!notification.getParameter().startsWith(HEARTBEAT)) {
                    forget(notification.getParameter());
                }
            }
            if (System.nanoTime() - echoed > DEAF_AFTER.toNanos()) {
                throw new IllegalStateException("no heartbeat came back within " + DEAF_AFTER.toSeconds() + " s");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void forget(String payload) {
        try {
            cache.forgetUser(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            LOG.warnf("Ignoring a malformed authentication change: %s", payload);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
