package dev.portcullis.viewsets;

import dev.portcullis.security.core.QueryRestriction;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * A viewset's list for one request: its entity, restricted to what the requester may see and to what the request's
 * filters ask for, in the order it asks for ({@code null}: by id).
 */
record ScopedQuery(EntityModel<?> model, EntityManager entityManager, QueryRestriction scope, String orderBy)
        implements Pagination.ScopedList {

    @Override
    public long count() {
        return scope == QueryRestriction.NOTHING ? 0 : model.count(entityManager, scope);
    }

    @Override
    public Rows slice(long offset, long limit) {
        return scope == QueryRestriction.NOTHING ? Rows.none() : model.list(entityManager, scope, orderBy, offset, limit, false);
    }

    @Override
    public Rows countedSlice(long offset, long limit) {
        return scope == QueryRestriction.NOTHING ? Rows.none() : model.list(entityManager, scope, orderBy, offset, limit, true);
    }

    @Override
    public Rows all() {
        return slice(0, -1);
    }

    @Override
    public Pagination.Seek seek(String field, boolean descending, String position, boolean below, long offset,
                                long limit) {
        return scope == QueryRestriction.NOTHING ? new Pagination.Seek(Rows.none(), List.of())
                : model.seek(entityManager, scope, field, descending, position, below, offset, limit);
    }
}
