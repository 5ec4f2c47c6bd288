package dev.portcullis.viewsets;

import jakarta.persistence.TypedQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A range of rows from the list's first is written into the query's text, so that PostgreSQL may keep the
 * statement's plan; any other is bound as parameters, so that walking a list does not make a statement per page.
 */
class RowRangeTest {

    @ParameterizedTest(name = "from {0}, at most {1}: \"{2}\", bound {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # offset | most | the query ends with | what is bound
            0        | 20   | ' limit 20'         | ''
            0        | 1    | ' limit 1'          | ''
            0        | 1000 | ' limit 1000'       | ''
            0        | 1001 | ''                  | setMaxResults 1001
            0        | -1   | ''                  | ''
            20       | 20   | ''                  | setFirstResult 20, setMaxResults 20
            900      | -1   | ''                  | setFirstResult 900
            1        | 1    | ''                  | setFirstResult 1, setMaxResults 1
            3000000000 | 5  | ''                  | setFirstResult 2147483647, setMaxResults 5
            """)
    void aFirstPageIsWrittenAnyOtherBound(long offset, long most, String clause, String bound) {
        RowRange range = new RowRange(offset, most);
        assertEquals(clause, range.clause());
        List<String> calls = new ArrayList<>();
        TypedQuery<Object[]> query = recording(calls);
        assertSame(query, range.bind(query));
        assertEquals(bound, String.join(", ", calls));
    }

    @ParameterizedTest
    @ValueSource(longs = {-2, -100})
    void noRangeBelowAll(long most) {
        assertThrows(IllegalArgumentException.class, () -> new RowRange(0, most));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -20})
    void noRangeBeforeTheFirstRow(long offset) {
        assertThrows(IllegalArgumentException.class, () -> new RowRange(offset, 20));
    }

    /** A query that notes the range set on it and returns itself, as JPA's do. */
    @SuppressWarnings("unchecked")
    private static TypedQuery<Object[]> recording(List<String> calls) {
        return (TypedQuery<Object[]>) Proxy.newProxyInstance(RowRangeTest.class.getClassLoader(),
                new Class<?>[]{TypedQuery.class}, (proxy, method, arguments) -> {
                    calls.add(method.getName() + " " + arguments[0]);
                    return proxy;
                });
    }
}
