package dev.portcullis.security.core;

import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on the objects of a list, in JPQL over the root alias {@value #ROOT}, with its named
 * parameters: what a permission class contributes so that a list shows exactly the objects its object-level
 * check would allow, filtered by the database rather than in memory. Combining two restrictions that bind
 * one parameter name to different values is a programming error.
 */
public final class QueryRestriction {

    /** The alias of the listed entity that every restriction refers to, e.g. {@code o.id}. */
    public static final String ROOT = "o";

    /** Every object. */
    public static final QueryRestriction NONE = new QueryRestriction("1 = 1", Map.of());

    /** No object at all. */
    public static final QueryRestriction NOTHING = new QueryRestriction("1 = 0", Map.of());

    private final String jpql;
    private final Map<String, Object> parameters;
    private final AllowedIds allowedIds;

    private QueryRestriction(String jpql, Map<String, Object> parameters, AllowedIds allowedIds) {
        this.jpql = jpql;
        this.parameters = Map.copyOf(parameters);
        this.allowedIds = allowedIds;
    }

    private QueryRestriction(String jpql, Map<String, Object> parameters) {
        this(jpql, parameters, null);
    }

    public static QueryRestriction of(String jpql, Map<String, Object> parameters) {
        return new QueryRestriction(jpql, parameters);
    }

    /** The same condition, whose objects' ids can also be read from an index of them; combined, it loses that. */
    public QueryRestriction withAllowedIds(AllowedIds ids) {
        return new QueryRestriction(jpql, parameters, ids);
    }

    /** The ids this restriction allows, from an index of them, if it stands alone and has one. */
    public Optional<AllowedIds> allowedIds() {
        return Optional.ofNullable(allowedIds);
    }

    public QueryRestriction and(QueryRestriction other) {
        if (this == NOTHING || other == NOTHING) {
            return NOTHING;
        }
        if (this == NONE) {
            return other;
        }
        return other == NONE ? this : combine("and", other);
    }

    public QueryRestriction or(QueryRestriction other) {
        if (this == NONE || other == NONE) {
            return NONE;
        }
        if (this == NOTHING) {
            return other;
        }
        return other == NOTHING ? this : combine("or", other);
    }

    public QueryRestriction negate() {
        if (this == NONE) {
            return NOTHING;
        }
        return this == NOTHING ? NONE : new QueryRestriction("not (" + jpql + ")", parameters);
    }

    private QueryRestriction combine(String operator, QueryRestriction other) {
        Map<String, Object> merged = new HashMap<>(parameters);
        other.parameters.forEach((name, value) -> {
            Object previous = merged.putIfAbsent(name, value);
            if (previous != null && !Objects.equals(previous, value)) {
                throw new IllegalStateException("Query parameter :" + name + " is bound to " + previous + " and "
                        + value + " by two restrictions");
            }
        });
        return new QueryRestriction("(" + jpql + ") " + operator + " (" + other.jpql + ")", merged);
    }

    /** The condition, for a {@code where} clause. */
    public String jpql() {
        return jpql;
    }

    /** The named parameters the condition binds. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Binds the parameters of the restriction to a query built with it. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return jpql + " " + parameters;
    }
}
