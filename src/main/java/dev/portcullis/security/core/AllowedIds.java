package dev.portcullis.security.core;

import jakarta.persistence.EntityManager;

/**
 * The ids of exactly the objects a {@link QueryRestriction} allows, read from an index of them (such as the grant
 * table's) rather than from the objects' table: a list that is restricted by nothing else counts and pages these,
 * and its statement loads only the page's objects. Only an index the database keeps in step with the objects can
 * offer this: every id names an object that exists, and each is read once.
 */
public interface AllowedIds {

    long count(EntityManager entityManager);

    /**
     * The restriction of a list, ordered by id, to its objects from {@code offset}, at most {@code limit} of them, read
     * by the list's own statement from the index of their ids; and a column of that statement that counts all the
     * ids where the page is full, else null (a page that is not full tells the count itself).
     *
     * @param id the path of the objects' id in the list's query
     */
    PageQuery page(String id, long offset, long limit);

    /** A page's restriction, and the JPQL of the column that counts all the ids along (it binds nothing else). */
    record PageQuery(QueryRestriction restriction, String countColumn) {
    }
}
