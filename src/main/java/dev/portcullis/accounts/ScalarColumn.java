package dev.portcullis.accounts;

import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;

import java.util.List;

/**
 * The one column of a native query, typed by a scalar mapping: Hibernate then plans the query once and reuses the
 * plan, instead of reading the result's metadata from the driver on every execution to learn the column's type.
 * (A result class would be worse: see {@code LayersTest.nativeQueriesTakeNoResultClass}.)
 */
final class ScalarColumn {

    private ScalarColumn() {
    }

    static List<Long> longs(Query query, String column) {
        return rows(query, column, StandardBasicTypes.LONG);
    }

    static List<String> strings(Query query, String column) {
        return rows(query, column, StandardBasicTypes.STRING);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(Query query, String column, BasicTypeReference<T> type) {
        return ((NativeQuery<?>) query.unwrap(NativeQuery.class)).addScalar(column, type).getResultList()
                .stream().map(value -> (T) value).toList();
    }
}
