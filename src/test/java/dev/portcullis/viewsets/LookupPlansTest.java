package dev.portcullis.viewsets;

import dev.portcullis.database.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A filtered or searched list keeps its query's plan in Hibernate, so that it is not translated from JPQL to SQL on
 * every request: every lookup but {@code in}, whose list of values Hibernate writes into the SQL.
 */
@QuarkusTest
class LookupPlansTest {

    @Inject
    EntityManager entityManager;

    @ParameterizedTest(name = "title__{0}: plan kept {2}")
    @CsvSource({
            "exact,       Hello,  true",
            "iexact,      hello,  true",
            "contains,    ell,    true",
            "icontains,   ELL,    true",
            "startswith,  He,     true",
            "istartswith, he,     true",
            "endswith,    lo,     true",
            "iendswith,   LO,     true",
            "gt,          A,      true",
            "gte,         A,      true",
            "lt,          Z,      true",
            "lte,         Z,      true",
            "in,          Hello,  false",
    })
    void aFilteredListKeepsItsPlan(String name, String value, boolean kept) {
        Lookup lookup = Lookup.named(name).orElseThrow();
        Object bound = lookup == Lookup.IN ? List.of(value) : lookup.pattern(value);
        String jpql = "select o.id from Post o where " + lookup.condition("o.title", "value", value) + " order by o.id";
        assertEquals(kept, QueryPlans.kept(entityManager, jpql, Map.of("value", bound)));
    }
}
