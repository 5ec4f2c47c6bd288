package dev.portcullis.security.core;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Tells a database that cannot be reached from any other failure, so that it is answered 503, not 500. */
public final class Outages {

    /**
     * PostgreSQL's states for a server that is shutting down, starting up or cancelled a statement on a
     * timeout (SQLSTATE class 08, connection exceptions, is recognised by its class).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");

    private Outages() {
    }

    /**
     * Whether the failure, one of its causes, or an exception suppressed along the way (a transaction that
     * could not enlist a broken connection keeps the connection's own failure there) says that the database
     * could not be reached in time.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        return databaseUnavailable(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean databaseUnavailable(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLException sql && unavailable(sql)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (databaseUnavailable(suppressed, seen)) {
                return true;
            }
        }
        return databaseUnavailable(failure.getCause(), seen);
    }

    private static boolean unavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // Agroal's pool says so without an SQLSTATE: it gave up waiting for a connection, or a pooled connection
        // broken by the outage could not join the transaction (with one datasource, nothing else makes that fail).
        String message = String.valueOf(sql.getMessage());
        return message.contains("acquisition timeout") || message.startsWith("Failed to enlist");
    }
}
