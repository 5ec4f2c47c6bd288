package dev.portcullis.accounts;

import dev.portcullis.security.core.AllowedIds;
import dev.portcullis.security.core.QueryRestriction;
import jakarta.persistence.EntityManager;

import java.util.Map;

/**
 * The ids of the objects of one model granted to a user, directly or through its groups, read from the grant
 * indexes alone: for models whose grants the database keeps in step with their objects, where every grant names an
 * object that exists. A user's own grants are counted by the database as they are written, and paged straight
 * from their index in id order; the grants of its groups are added without counting an object twice. A page's ids
 * are read by the page's own statement ({@link GrantedPageFunctions}).
 */
record GrantedIds(long userId, String model, String codename) implements AllowedIds {

    private static final String COUNT = "SELECT " + GrantedPageFunctions.grantCount("?1", "?2", "?3") + " AS grants";

    @Override
    public long count(EntityManager entityManager) {
        return ScalarColumn.longs(entityManager.createNativeQuery(COUNT).setParameter(1, userId)
                .setParameter(2, model).setParameter(3, codename), "grants").get(0);
    }

    @Override
    public PageQuery page(String id, long offset, long limit) {
        String grant = literal(model) + ", " + literal(codename);  // in the query, not bound: see GrantedPageFunctions
        if (offset == 0 && limit <= GrantedPageFunctions.MOST_WRITTEN) {
            return new PageQuery(QueryRestriction.of(GrantedPageFunctions.FIRST_PAGE + "(" + id + ", :grantee, " + grant
                    + ", " + limit + ")", Map.of("grantee", userId)),
                    GrantedPageFunctions.COUNT_OF_FULL_PAGE + "(" + limit + ", :grantee, " + grant + ")");
        }
        return new PageQuery(QueryRestriction.of(GrantedPageFunctions.PAGE + "(" + id + ", :grantee, :pageLimit, "
                + ":pageOffset, " + grant + ")", Map.of("grantee", userId, "pageLimit", limit, "pageOffset", offset)),
                GrantedPageFunctions.COUNT_OF_FULL_PAGE + "(:pageLimit, :grantee, " + grant + ")");
    }

    /** A JPQL string literal: a model's or a permission's name, declared by the application. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
