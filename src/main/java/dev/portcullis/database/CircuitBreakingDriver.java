package dev.portcullis.database;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The pool's JDBC driver: PostgreSQL's, except that while the {@link DatabaseCircuit} is open it makes no
 * connection attempt and refuses at once. Without it, every request that needed a connection during an outage
 * asked the pool to make one; the pool makes them one at a time, so under load requests queued behind each
 * other's refused attempts (a 503 that should take a millisecond took the pool's whole 100 ms), and once the
 * server was back, attempts the pool had given up on were interrupted halfway and competed with the probe's. Only
 * the probe connects while the circuit is open; it uses PostgreSQL's driver directly. The pool names this class
 * ({@code quarkus.datasource.jdbc.driver}) and makes it by reflection.
 */
@RegisterForReflection
public final class CircuitBreakingDriver implements Driver {

    /** Set by the circuit of the application that uses this class, while it is open. */
    private static volatile boolean refusing;

    private final Driver postgres = new org.postgresql.Driver();

    static void refuse(boolean refuse) {
        refusing = refuse;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (refusing && acceptsURL(url)) {
            // The state of a connection the server refused: answered 503 like one.
            throw new java.sql.SQLNonTransientConnectionException(
                    "PostgreSQL is unreachable; no connection is attempted until the probe reaches it", "08001");
        }
        // The pool gives up on an attempt that takes longer than a request's wait by interrupting the thread making
        // it, and that interrupt can arrive after the attempt ended: it would fail this one at once ("Interrupted
        // while attempting to connect", a 503) — right after an outage, one of those that refill the pool. An
        // interrupt already pending when an attempt begins was meant for an earlier one.
        Thread.interrupted();
        return postgres.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
