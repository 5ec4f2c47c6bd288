package dev.portcullis.security.core;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What a failure was caused by, read along its chain of causes: a write the database refused is a
 * {@link SQLException} somewhere under the persistence layer's own exceptions.
 */
public final class Causes {

    /** PostgreSQL's SQLSTATE for a unique violation. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's SQLSTATE for a foreign key violation. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private Causes() {
    }

    /** The first exception of {@code type} in the chain, {@code failure} itself included. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Whether a statement in the chain was refused with {@code sqlState}. */
    public static boolean refusedWith(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
