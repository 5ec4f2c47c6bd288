package dev.portcullis.security.core;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.OptionalLong;

/**
 * The ids of exactly the objects a {@link QueryRestriction} allows, read from an index of them (such as the grant
 * table's) rather than from the objects' table: a list that is restricted by nothing else counts and pages these,
 * and loads only the page's objects. Only an index the database keeps in step with the objects can offer this:
 * every id names an object that exists, and each is read once.
 */
public interface AllowedIds {

    long count(EntityManager entityManager);

    /**
     * The ids, ascending, from {@code offset}, at most {@code limit} of them; when asked, with the count of all the
     * ids, read by the same statement (one round trip, one snapshot) where the page is full (a page that is not
     * full tells the count itself).
     */
    Page page(EntityManager entityManager, long offset, long limit, boolean counted);

    /** A page of ids, and the count of all of them when it was read along. */
    record Page(List<Long> ids, OptionalLong countOfAll) {
    }
}
