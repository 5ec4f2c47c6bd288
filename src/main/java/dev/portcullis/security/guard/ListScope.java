package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The one way an endpoint lists objects: the query is restricted, in the database, to what the object-level
 * checks of the action's permissions allow, so that a list never shows what a retrieve would refuse (DRF's
 * best-known trap: {@code has_object_permission} is not run for lists).
 */
@Singleton
public class ListScope {

    private final GuardContext context;
    private final EntityManager entityManager;

    public ListScope(GuardContext context, EntityManager entityManager) {
        this.context = context;
        this.entityManager = entityManager;
    }

    /** The restriction of the current request's permissions, all of which must allow an object. */
    public QueryRestriction restriction() {
        return restrictionOf(context.policy(), context.request());
    }

    /** The restriction of a policy's permissions for a request (the current one, or one an explanation imagines). */
    public static QueryRestriction restrictionOf(EndpointPolicy policy, AccessRequest request) {
        QueryRestriction restriction = QueryRestriction.NONE;
        for (Permission permission : policy.permissions()) {
            restriction = restriction.and(Evaluation.listRestriction(permission, request));
        }
        return restriction;
    }

    /**
     * Runs one query: {@code select} (over the root alias {@value QueryRestriction#ROOT}) restricted by the
     * endpoint's own scope (DRF's {@code get_queryset}) and by the permissions.
     */
    public <T> List<T> list(String select, Class<T> type, QueryRestriction scope, String orderBy) {
        QueryRestriction restriction = scope.and(restriction());
        if (restriction == QueryRestriction.NOTHING) {
            return List.of();
        }
        String where = restriction == QueryRestriction.NONE ? "" : " where " + restriction.jpql();
        return restriction.bind(entityManager.createQuery(select + where + " order by " + orderBy, type))
                .getResultList();
    }
}
