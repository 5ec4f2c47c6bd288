package dev.portcullis.security.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are answered 503 (the database is unavailable) and which open the database circuit (the server
 * cannot be reached at all), however the failure reached the service: as thrown, as the cause of another, or
 * suppressed by one.
 */
class OutagesTest {

    @ParameterizedTest(name = "{0} [{1}] as {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // message                                                  | SQLSTATE | reached as | 503   | opens
            "Connection to localhost:5432 refused                      | 08001    | thrown     | true  | true",
            "An I/O error occurred while sending to the backend        | 08006    | cause      | true  | true",
            "This connection has been closed.                           | 08003    | suppressed | true  | true",
            "terminating connection due to administrator command        | 57P01    | cause      | true  | true",
            "terminating connection due to crash of another process    | 57P02    | thrown     | true  | true",
            "the database system is starting up                         | 57P03    | thrown     | true  | true",
            "canceling statement due to statement timeout               | 57014    | cause      | true  | false",
            "sorry, too many clients already                            | 53300    | thrown     | true  | false",
            "Acquisition timeout while waiting for new connection       | -        | cause      | true  | false",
            "Sorry, acquisition timeout!                                | -        | thrown     | true  | false",
            "Failed to enlist connection                                | -        | suppressed | true  | false",
            "duplicate key value violates unique constraint             | 23505    | cause      | false | false",
            "relation does not exist                                    | 42P01    | thrown     | false | false",
            "a failure with no state                                    | -        | thrown     | false | false",
    })
    void aFailureIsUnavailableOrUnreachableByItsStateOrThePoolsWords(String message, String state, String reachedAs,
                                                                    boolean unavailable, boolean unreachable) {
        Throwable failure = reached(new SQLException(message, state), reachedAs);
        assertEquals(unavailable, Outages.databaseUnavailable(failure));
        assertEquals(unreachable, Outages.databaseUnreachable(failure));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thrown", "cause", "suppressed"})
    void aConnectionExceptionOpensTheCircuitWhateverItsState(String reachedAs) {
        Throwable failure = reached(new SQLTransientConnectionException("gone", "HY000"), reachedAs);
        assertTrue(Outages.databaseUnreachable(failure));
        assertTrue(Outages.databaseUnavailable(failure));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thrown", "cause", "suppressed"})
    void anInterruptedConnectionAttemptIsUnavailableButOpensNothing(String reachedAs) {
        Throwable interrupted = reached(new SQLException("Something unusual has occurred to cause the driver to fail. "
                + "Please report this exception.", "99999",
                new RuntimeException("Interrupted while attempting to connect.")), reachedAs);
        assertTrue(Outages.databaseUnavailable(interrupted));
        assertFalse(Outages.databaseUnreachable(interrupted));
        Throwable internal = reached(new SQLException("could not read block 7", "XX000",
                new RuntimeException("a server's internal error")), reachedAs);
        assertFalse(Outages.databaseUnavailable(internal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thrown", "cause", "suppressed"})
    void aFailureOfAnotherKindIsNeither(String reachedAs) {
        Throwable failure = reached(new IllegalStateException("no heartbeat came back within 3 s"), reachedAs);
        assertFalse(Outages.databaseUnavailable(failure));
        assertFalse(Outages.databaseUnreachable(failure));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thrown", "cause", "suppressed"})
    void anySqlFailureIsADatabaseFailure(String reachedAs) {
        Throwable interrupted = new SQLException("Something unusual has occurred to cause the driver to fail.",
                "99999", new IllegalStateException("a failure the driver had no words for"));
        assertTrue(Outages.databaseFailure(reached(interrupted, reachedAs)));
        assertFalse(Outages.databaseUnavailable(reached(interrupted, reachedAs)));
        assertFalse(Outages.databaseFailure(reached(new IllegalStateException("not the database"), reachedAs)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "driver  | SQLException: Connection to localhost:5432 refused",
            "pool    | SQLException: Acquisition timeout while waiting for new connection",
            "neither | IllegalArgumentException: innermost",
    })
    void theDescriptionIsTheInnermostDatabaseFailureOrTheInnermostCause(String kind, String described) {
        Throwable inner = switch (kind) {
            case "driver" -> new SQLException("Connection to localhost:5432 refused", "08001",
                    new java.net.ConnectException("Connection refused"));
            case "pool" -> new SQLException("Acquisition timeout while waiting for new connection",
                    new java.util.concurrent.TimeoutException());
            default -> new IllegalArgumentException("innermost");
        };
        Throwable failure = new RuntimeException("outer", new IllegalStateException("middle", inner));
        assertEquals(described, Outages.describe(failure));
    }

    private static Throwable reached(Throwable failure, String how) {
        return switch (how) {
            case "thrown" -> failure;
            case "cause" -> new IllegalStateException("wrapped", failure);
            case "suppressed" -> {
                RuntimeException outer = new RuntimeException("could not enlist");
                outer.addSuppressed(failure);
                yield outer;
            }
            default -> throw new IllegalArgumentException(how);
        };
    }
}
