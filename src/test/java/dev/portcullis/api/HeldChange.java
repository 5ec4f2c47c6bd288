package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A race made to happen every time: another transaction's change, held uncommitted while a request runs into it.
 * The request reads before the change is visible, then waits on the row the change holds; the change commits once the
 * request is waiting, and the request goes on with the change committed under it.
 */
public final class HeldChange {

    private HeldChange() {
    }

    /** The request's answer, the statement ({@code ?} the parameter) committed while the request waited on it. */
    public static Response meets(AgroalDataSource dataSource, String statement, Object parameter,
                                 Supplier<Response> request) throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement change = other.prepareStatement(statement)) {
                change.setObject(1, parameter);
                change.executeUpdate();
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(request);
            awaitWaitingOnALock(dataSource, answer);
            other.commit();
            return answer.get();
        }
    }

    /** Until a statement of this database waits on a lock (or the request ended some other way). */
    private static void awaitWaitingOnALock(AgroalDataSource dataSource, CompletableFuture<Response> answer)
            throws SQLException {
        try (Connection watcher = dataSource.getConnection();
             PreparedStatement waiting = watcher.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            while (!answer.isDone()) {
                try (ResultSet count = waiting.executeQuery()) {
                    if (count.next() && count.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the request ended before it met the held change: " + answer.join().asString());
    }
}
