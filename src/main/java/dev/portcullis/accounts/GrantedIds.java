package dev.portcullis.accounts;

import dev.portcullis.security.core.AllowedIds;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The ids of the objects of one model granted to a user, directly or through its groups, read from the grant
 * indexes alone: for models whose grants the database keeps in step with their objects, where every grant names an
 * object that exists. A user's own grants are counted by the database as they are written, and paged straight
 * from their index in id order; the grants of its groups are added without counting an object twice.
 */
record GrantedIds(long userId, String model, String codename) implements AllowedIds {

    private static final String USER_GRANTS = "FROM object_grants WHERE user_id = ?1 AND model = ?2 AND codename = ?3";

    private static final String GROUP_GRANTS = "FROM object_grants g JOIN group_members m ON m.group_id = g.group_id "
            + "WHERE m.user_id = ?1 AND g.model = ?2 AND g.codename = ?3";

    /** The user's own grants, counted as they were written; those of its groups it does not hold itself. */
    private static final String COUNT = "SELECT coalesce((SELECT grants FROM object_grant_counts WHERE user_id = ?1 "
            + "AND model = ?2 AND codename = ?3), 0) + (SELECT count(DISTINCT g.object_id) "
            + GROUP_GRANTS + " AND NOT EXISTS (SELECT 1 FROM object_grants u WHERE u.user_id = ?1 AND u.model = ?2 "
            + "AND u.codename = ?3 AND u.object_id = g.object_id)) AS grants";

    /**
     * The first offset + limit distinct ids of each kind hold the first offset + limit of both: only those are read
     * (two groups may grant one object, so the groups' ids are made distinct before they are cut).
     */
    private static final String PAGE = "SELECT id FROM ((SELECT object_id AS id " + USER_GRANTS
            + " ORDER BY object_id LIMIT ?4) UNION (SELECT DISTINCT g.object_id " + GROUP_GRANTS
            + " ORDER BY g.object_id LIMIT ?4)) ids ORDER BY id LIMIT ?5 OFFSET ?6";

    @Override
    public long count(EntityManager entityManager) {
        return ScalarColumn.longs(entityManager.createNativeQuery(COUNT).setParameter(1, userId)
                .setParameter(2, model).setParameter(3, codename), "grants").get(0);
    }

    @Override
    public List<Long> page(EntityManager entityManager, long offset, long limit) {
        long through = offset > Long.MAX_VALUE - limit ? Long.MAX_VALUE : offset + limit;  // any offset a client sends
        return ScalarColumn.longs(entityManager.createNativeQuery(PAGE).setParameter(1, userId)
                .setParameter(2, model).setParameter(3, codename).setParameter(4, through)
                .setParameter(5, limit).setParameter(6, offset), "id");
    }
}
