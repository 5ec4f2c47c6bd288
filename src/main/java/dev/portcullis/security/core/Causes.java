package dev.portcullis.security.core;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
        return find(failure, type, cause -> true);
    }

    /** The first exception of {@code type} in the chain that passes {@code test}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type, Predicate<? super T> test) {
        return chain(failure).filter(type::isInstance).map(type::cast).filter(test).findFirst();
    }

    /** Whether a statement in the chain was refused with {@code sqlState}. */
    public static boolean refusedWith(Throwable failure, String sqlState) {
        return chain(failure).anyMatch(cause -> cause instanceof SQLException sql && sqlState.equals(sql.getSQLState()));
    }

    /** {@code failure}, then its causes; a cause that names itself ends the chain. */
    private static Stream<Throwable> chain(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
