package dev.portcullis.accounts;

import dev.portcullis.api.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas started at once on a new database: each finds no first administrator, and exactly one makes it. The two
 * starts are held at the point where each has looked and found none, then let go together, so that without the
 * lock both would insert the user (and one start would fail on the duplicate key).
 */
@QuarkusTest
class BootstrapAdminTest {

    /** What {@link BootstrapAdmin} locks on, as PostgreSQL keys it. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('portcullis.bootstrap-admin', 0))";

    @Inject
    BootstrapAdmin bootstrapAdmin;

    @Inject
    Instance<Accounts> accounts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoStartsAtOnceMakeTheAdministratorOnce() throws Exception {
        String username = Api.unique("first-admin");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute(LOCK);
            List<Future<?>> starts = List.of(replicas.submit(() -> start(username)), replicas.submit(() -> start(username)));
            awaitWaitingForTheLock(2);
            holder.commit();
            for (Future<?> start : starts) {
                start.get();  // throws what a start threw
            }
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(1, count("SELECT count(*) FROM users WHERE username = ?", username));
    }

    /** A replica's start, as far as the first administrator goes. */
    private void start(String username) {
        bootstrapAdmin.onStart(null, accounts, dataSource, Optional.of(username), Optional.of(Api.PASSWORD));
    }

    /**
     * Until {@code waiting} sessions wait for an advisory lock: each start has looked, found none, and now waits (for
     * less than the connections' five-second socket timeout).
     */
    private void awaitWaitingForTheLock(int waiting) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") < waiting) {
            assertTrue(System.nanoTime() < deadline, "the starts never waited for the lock");
            Thread.sleep(10);
        }
    }

    private long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
