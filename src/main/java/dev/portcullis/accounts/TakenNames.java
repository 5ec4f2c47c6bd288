package dev.portcullis.accounts;

import dev.portcullis.security.core.Causes;
import dev.portcullis.security.core.ValidationError;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.PersistenceException;

/**
 * A new user's or group's name is looked up before it is inserted; two requests creating the same name at once both
 * find it free, and the second insert meets the name's unique index. That request gets the same 400 as one that
 * found the name taken, not a 500 (DRF's {@code UniqueValidator} would let the database's error through).
 */
final class TakenNames {

    private TakenNames() {
    }

    /** Inserts {@code entity} now; a unique violation is {@code field}'s {@code message}. */
    static void insert(PanacheEntityBase entity, String field, String message) {
        try {
            entity.persistAndFlush();
        } catch (PersistenceException refused) {
            throw Causes.refusedWith(refused, Causes.UNIQUE_VIOLATION) ? ValidationError.of(field, message) : refused;
        }
    }
}
