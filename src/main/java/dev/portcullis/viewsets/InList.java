package dev.portcullis.viewsets;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition that a path is one of some values, with one parameter per value: {@code path in (:name0, :name1, …)}.
 * Hibernate translates a query with a list-valued parameter to SQL anew on every execution; a query whose parameters
 * are single values is translated once. The number of parameters is rounded up to a power of two, the last value
 * repeated, so that lists of any length share a few queries.
 */
record InList(String condition, Map<String, Object> parameters) {

    static InList of(String path, String name, Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an in-list needs a value");
        }
        List<Object> given = new ArrayList<>(values);
        int slots = given.size() == 1 ? 1 : Integer.highestOneBit(given.size() - 1) << 1;
        StringBuilder condition = new StringBuilder(path).append(" in (");
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < slots; i++) {
            condition.append(i == 0 ? ":" : ", :").append(name).append(i);
            parameters.put(name + i, given.get(Math.min(i, given.size() - 1)));
        }
        return new InList(condition.append(')').toString(), parameters);
    }

    <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
