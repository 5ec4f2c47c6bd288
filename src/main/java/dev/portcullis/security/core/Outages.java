package dev.portcullis.security.core;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a database that cannot be reached, or cannot answer in time, from any other failure: the first is
 * answered 503, not 500, and the unreachable kind opens the database circuit.
 */
public final class Outages {

    /** PostgreSQL's states for a server shutting down or starting up (class 08, connection exceptions, by its class). */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** A statement cancelled on a timeout, and a server with no connection slot left: busy, not gone. */
    private static final Set<String> BUSY_STATES = Set.of("57014", "53300");

    private Outages() {
    }

    /**
     * Whether the failure, one of its causes, or an exception suppressed along the way (a transaction that
     * could not enlist a broken connection keeps the connection's own failure there) says that the database
     * could not be reached in time.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        return anywhere(failure, Outages::unavailable);
    }

    /** Whether the failure says that the server itself cannot be reached: refused, broken, or shutting down. */
    public static boolean databaseUnreachable(Throwable failure) {
        return anywhere(failure, Outages::unreachable);
    }

    /**
     * Whether the failure came from the database at all (an {@link SQLException} anywhere in it): while the
     * database is known to be unreachable, any such failure is the outage's, whatever words the driver found for
     * it (a connection attempt interrupted when the pool gave up on it says only "something unusual").
     */
    public static boolean databaseFailure(Throwable failure) {
        return anywhere(failure, SQLException.class::isInstance);
    }

    /** The innermost database failure in one line (or the innermost cause): what an operator needs, no trace. */
    public static String describe(Throwable failure) {
        Throwable described = failure;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException || !(described instanceof SQLException)) {
                described = cause;
            }
        }
        return described.getClass().getSimpleName() + ": " + described.getMessage();
    }

    private static boolean anywhere(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return anywhere(failure, test, seen);
    }

    private static boolean anywhere(Throwable failure, Predicate<Throwable> test, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (test.test(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (anywhere(suppressed, test, seen)) {
                return true;
            }
        }
        return anywhere(failure.getCause(), test, seen);
    }

    private static boolean unreachable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state));
    }

    /**
     * A connection attempt the pool gave up on while the driver was making it: the driver reports the interruption
     * as an unexpected error of its own (SQLSTATE 99999, "something unusual has occurred"), caused by it. It can
     * also hit the next attempt, when the interruption outlives the attempt it was meant for.
     */
    private static boolean interruptedConnect(SQLException sql) {
        return sql.getCause() instanceof RuntimeException cause
                && String.valueOf(cause.getMessage()).startsWith("Interrupted while attempting to connect");
    }

    private static boolean unavailable(Throwable failure) {
        if (unreachable(failure)) {
            return true;
        }
        if (!(failure instanceof SQLException sql)) {
            return false;
        }
        if (interruptedConnect(sql)) {
            return true;
        }
        if (sql.getSQLState() != null) {
            return BUSY_STATES.contains(sql.getSQLState());
        }
        // Agroal's pool says so without an SQLSTATE: it gave up waiting for a connection (at once while the
        // circuit is open), or a pooled connection broken by the outage could not join the transaction (with one
        // datasource, nothing else makes that fail).
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("acquisition timeout") || message.startsWith("failed to enlist");
    }
}
