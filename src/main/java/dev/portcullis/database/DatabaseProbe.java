package dev.portcullis.database;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks PostgreSQL whether it accepts connections again: opens one of its own ({@link DirectConnections}), checks it
 * and closes it. Outside the pool because the pool, while the circuit is open, gives up at once.
 */
@ApplicationScoped
class DatabaseProbe {

    private static final int VALIDATION_SECONDS = 2;

    private final DirectConnections connections;

    DatabaseProbe(DirectConnections connections) {
        this.connections = connections;
    }

    /** Whether a new connection could be opened and answered; never throws. */
    boolean answers() {
        try (Connection connection = connections.open()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
