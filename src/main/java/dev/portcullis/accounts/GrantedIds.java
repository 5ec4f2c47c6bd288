package dev.portcullis.accounts;

import dev.portcullis.security.core.AllowedIds;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.OptionalLong;

/**
 * The ids of the objects of one model granted to a user, directly or through its groups, read from the grant
 * indexes alone: for models whose grants the database keeps in step with their objects, where every grant names an
 * object that exists. A user's own grants are counted by the database as they are written, and paged straight
 * from their index in id order; the grants of its groups are added without counting an object twice.
 */
record GrantedIds(long userId, String model, String codename) implements AllowedIds {

    /** The user's own grants, counted as they were written; those of its groups it does not hold itself. */
    private static final String COUNT = "SELECT granted_object_count(?1, ?2, ?3) AS grants";

    /**
     * The ids of a page, read from the grant indexes by a database function (V12), so that PostgreSQL plans them once
     * per connection rather than once per page.
     */
    private static final String PAGE = "SELECT id FROM granted_object_ids(?1, ?2, ?3, ?4, ?5)";

    /**
     * The page's ids, each with the count when the page is full: an uncorrelated subquery, which PostgreSQL runs
     * once, and only when it is first needed. A page that is not full tells the count itself (the ids before it and
     * its own), so its count is not read.
     */
    private static final String COUNTED_PAGE = "SELECT id, CASE WHEN count(*) OVER () = ?4 THEN (" + COUNT
            + ") END AS grants FROM granted_object_ids(?1, ?2, ?3, ?4, ?5)";

    @Override
    public long count(EntityManager entityManager) {
        return ScalarColumn.longs(entityManager.createNativeQuery(COUNT).setParameter(1, userId)
                .setParameter(2, model).setParameter(3, codename), "grants").get(0);
    }

    @Override
    public Page page(EntityManager entityManager, long offset, long limit, boolean counted) {
        Query query = entityManager.createNativeQuery(counted ? COUNTED_PAGE : PAGE).setParameter(1, userId)
                .setParameter(2, model).setParameter(3, codename).setParameter(4, limit).setParameter(5, offset);
        if (!counted) {
            return new Page(ScalarColumn.longs(query, "id"), OptionalLong.empty());
        }
        List<Long[]> rows = ScalarColumn.longPairs(query, "id", "grants");
        return new Page(rows.stream().map(row -> row[0]).toList(),
                rows.isEmpty() || rows.get(0)[1] == null ? OptionalLong.empty() : OptionalLong.of(rows.get(0)[1]));
    }
}
