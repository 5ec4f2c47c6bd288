package dev.portcullis.database;

import java.sql.SQLTransientConnectionException;
import java.time.Instant;

/**
 * A connection refused by the open {@link DatabaseCircuit}: nothing was sent to PostgreSQL. Unchecked, because it
 * is thrown where the pool hands out a connection; its cause carries SQLSTATE 08000 (connection exception), so
 * that it is answered 503 like any connection the server itself refused.
 */
public final class DatabaseUnreachable extends RuntimeException {

    DatabaseUnreachable(Instant since) {
        super("PostgreSQL unreachable since " + since + "; no connection is lent until it answers again",
                new SQLTransientConnectionException("PostgreSQL unreachable since " + since, "08000"));
    }
}
