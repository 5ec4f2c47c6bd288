package dev.portcullis.accounts;

import io.agroal.api.AgroalDataSource;
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

/**
 * Hears {@link AuthChanges} from every replica ({@code LISTEN}) and makes the credential cache forget the
 * users named, within the half second a poll waits. If the connection is lost, the cache is switched off
 * until it is back, so that a revocation can never be missed.
 */
@Singleton
public class AuthChangeListener {

    private static final Logger LOG = Logger.getLogger(AuthChangeListener.class);
    private static final int POLL_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private final CredentialCache cache;
    private volatile boolean running = true;
    private Thread thread;

    public AuthChangeListener(AgroalDataSource dataSource, CredentialCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
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

    /** Stops listening and gives the connection back before the database and the pool shut down. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(POLL_MILLIS * 4L);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + AuthChanges.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                cache.listening(true);
                LOG.debug("Listening for authentication changes");
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            forget(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (running) {
                    LOG.warnf("Authentication changes cannot be heard (%s); the credential cache is off until "
                            + "the database answers again", e.getMessage());
                    pause();
                }
            }
        }
        cache.listening(false);
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
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
