package dev.portcullis.accounts;

import dev.portcullis.database.QueryPlans;
import dev.portcullis.security.core.AllowedIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page of granted objects, counted or not, keeps its query's plan in Hibernate whatever the user and page. */
@QuarkusTest
class GrantedPagePlanTest {

    @Inject
    EntityManager entityManager;

    @ParameterizedTest(name = "user {0}, offset {1}, limit {2}, counted {3}")
    @CsvSource({
            "1, 0,   20,   true",
            "7, 0,   20,   false",
            "1, 0,   1000, true",
            "1, 0,   1001, true",
            "7, 900, 20,   true",
            "7, 40,  20,   false",
    })
    void aPageOfGrantedObjectsKeepsItsPlan(long user, long offset, long limit, boolean counted) {
        AllowedIds.PageQuery page = new GrantedIds(user, "document", "view_document").page("o.id", offset, limit);
        String jpql = "select o.id" + (counted ? ", " + page.countColumn() : "") + " from Document o where "
                + page.restriction().jpql() + " order by o.id";
        assertTrue(QueryPlans.kept(entityManager, jpql, page.restriction().parameters()));
    }
}
