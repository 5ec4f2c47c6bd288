package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists as DRF paginates them, on a user who may view exactly five documents: the page, {@code count} and the
 * links DRF builds ({@code LimitOffsetPagination} on {@code /api/documents/}, {@code PageNumberPagination} of two
 * on {@code /api/examples/paged-documents/}), and DRF's leniency or 404 for every shape of bad parameter. The
 * documents come from the user's grants: a page is one SELECT (its ids from the grants, its documents by those ids,
 * the count along); an empty page past the end has no row to carry the count and is counted apart (two), as is a
 * page too long for one fetch, and the last page of page numbers is found by a count first (two).
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class PaginationTest {

    @Inject
    SessionFactory sessions;

    private static String token;
    private static final List<Long> IDS = new ArrayList<>();

    /** Another user's documents and draft, there whatever ran before: a count that forgot the scope counts them. */
    private static final List<Long> OTHERS = new ArrayList<>();
    private static long othersDraft;

    @BeforeEach
    void fiveDocuments() {
        if (token == null) {
            String other = Api.unique("pager-other");
            OTHERS.addAll(Api.documentsOf(other, List.of("not theirs 0", "not theirs 1", "not theirs 2")));
            othersDraft = Api.post(Api.token(other), "another's draft", false);
            String user = Api.unique("pager");
            IDS.addAll(Api.documentsOf(user, List.of("page 0", "page 1", "page 2", "page 3", "page 4")));
            token = Api.token(user);
        }
    }

    private static String base(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static String withQuery(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The user's answer for the path, which took this many SELECT statements (Hibernate's statistics). */
    private Response withSelects(int selects, String path) {
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        Response response = Api.withToken(token).urlEncodingEnabled(false).get(path);
        assertEquals(selects, statistics.getQueryExecutionCount(), "SELECT statements");
        return response;
    }

    /** {@code results} as indices into the five documents, e.g. {@code 2 3}. */
    private static List<Long> documents(String indices) {
        return indices.isBlank() ? List.of() : Arrays.stream(indices.trim().split(" "))
                .map(i -> IDS.get(Integer.parseInt(i))).toList();
    }

    @ParameterizedTest(name = "/api/documents/?{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "limit=2                   |?limit=2&offset=2 |-                 |0 1|1",
            "limit=2&offset=2          |?limit=2&offset=4 |?limit=2          |2 3|1",
            "limit=2&offset=4          |-                 |?limit=2&offset=2 |4|1",
            "limit=2&offset=3          |-                 |?limit=2&offset=1 |3 4|1",
            "limit=2&offset=1          |?limit=2&offset=3 |?limit=2          |1 2|1",
            "limit=2&offset=5          |-                 |?limit=2&offset=3 |''|2",
            "limit=2&offset=99         |-                 |?limit=2&offset=97|''|2",
            "limit=1&offset=99999999999999999999999|-|?limit=1&offset=99999999999999999999998|''|1",
            "limit=2&offset=9223372036854775807|-|?limit=2&offset=9223372036854775805|''|2",
            "limit=2&offset=-5         |?limit=2&offset=2 |-                 |0 1|1",
            "limit=2&offset=abc        |?limit=2&offset=2 |-                 |0 1|1",
            "limit=2&offset=           |?limit=2&offset=2 |-                 |0 1|1",
            "limit=1&limit=2           |?limit=2&offset=2 |-                 |0 1|1",
            "limit=%202%20             |?limit=2&offset=2 |-                 |0 1|1",
            "limit=+2                  |?limit=2&offset=2 |-                 |0 1|1",
            "limit=2_0                 |-                 |-                 |0 1 2 3 4|1",
            "limit=99999999999999999999|-                 |-                 |0 1 2 3 4|2",
            "limit=99999999999999999999&offset=9|-        |?limit=99999999999999999999|''|1",
            "limit=0_99999999999999999999&offset=100000000000000000000|-|?limit=99999999999999999999&offset=1|''|1",
            "zeta=1&limit=2&alpha=x%20y|?alpha=x+y&limit=2&offset=2&zeta=1|-|0 1|1",
            "limit=2&offset=4&q=%C3%A9 |-                 |?limit=2&offset=2&q=%C3%A9|4|1",
    })
    void limitOffset(String query, String next, String previous, String results, int selects) {
        Response response = withSelects(selects, withQuery("/api/documents/", query));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(5, response.jsonPath().getInt("count"));
        assertEquals(next == null ? null : base("/api/documents/") + next, response.jsonPath().getString("next"));
        assertEquals(previous == null ? null : base("/api/documents/") + previous, response.jsonPath().getString("previous"));
        assertEquals(documents(results), response.jsonPath().getList("results.id", Long.class));
        assertEquals(List.of("count", "next", "previous", "results"), List.copyOf(response.jsonPath().getMap("$").keySet()));
    }

    /**
     * A page of posts read in one fetch counts the list in its own statement; only a page past the end, which has no
     * row to carry the count, is counted apart. The count is the plain list's length either way. The first page's
     * limit is written into its query, so that PostgreSQL may keep the statement's plan; a later page's limit and
     * offset are parameters.
     */
    @ParameterizedTest(name = "/api/posts/?{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # query              | SELECT statements | the query's text ends with
            limit=2              | 1                 | order by o.id limit 2
            limit=2&offset=1     | 1                 | order by o.id
            limit=2&offset=99999 | 2                 | order by o.id
            """)
    void aPageOfPostsIsCountedByTheStatementThatReadsIt(String query, int selects, String ending) {
        for (int i = 0; i < 3; i++) {
            Api.post(token, "counted along " + i, true);
        }
        int plain = Api.withToken(token).get("/api/posts/").then().statusCode(200).extract().jsonPath().getList("id").size();

        Response page = withSelects(selects, "/api/posts/?" + query);
        assertEquals(200, page.statusCode(), page.asString());
        assertEquals(1, Arrays.stream(sessions.getStatistics().getQueries()).filter(q -> q.endsWith(ending)).count(),
                Arrays.toString(sessions.getStatistics().getQueries()));
        assertEquals(plain, page.jsonPath().getInt("count"));
        assertEquals(selects == 1 ? 2 : 0, page.jsonPath().getList("results").size());
    }

    /** A limit that is not a positive integer means "not paginated": the plain list, as before pagination. */
    @ParameterizedTest(name = "/api/documents/?{0}")
    @CsvSource(delimiter = '|', value = {"''", "limit=0", "limit=-1", "limit=abc", "limit=", "limit=1.5", "offset=2",
            "limit=0x10", "limit=%00", "limit=%FF%FE"})
    void aLimitThatIsNotAPositiveIntegerLeavesTheListWhole(String query) {
        Response response = Api.withToken(token).urlEncodingEnabled(false).get(withQuery("/api/documents/", query));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(IDS, response.jsonPath().getList("id", Long.class));
    }

    @ParameterizedTest(name = "/api/examples/paged-documents/?{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "''          |?page=2|-      |0 1|1",
            "page=1      |?page=2|-      |0 1|1",
            "page=2      |?page=3|''     |2 3|1",
            "page=3      |-      |?page=2|4|1",
            "page=last   |-      |?page=2|4|2",
            "page=%202   |?page=3|''     |2 3|1",
            "page=2&page=3|-     |?page=2|4|1",
            "page=2&x=%20|?page=3&x=+|?x=+|2 3|1",
    })
    void pageNumbers(String query, String next, String previous, String results, int selects) {
        Response response = withSelects(selects, withQuery("/api/examples/paged-documents/", query));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(5, response.jsonPath().getInt("count"));
        String base = base("/api/examples/paged-documents/");
        assertEquals(next == null ? null : base + next, response.jsonPath().getString("next"));
        assertEquals(previous == null ? null : base + previous, response.jsonPath().getString("previous"));
        assertEquals(documents(results), response.jsonPath().getList("results.id", Long.class));
    }

    @ParameterizedTest(name = "/api/examples/paged-documents/?{0} -> 404")
    @CsvSource({"page=4", "page=0", "page=-1", "page=abc", "page=", "page=1.0", "page=99999999999999999999", "page=LAST"})
    void aPageThatIsNotThereIsDrfsInvalidPage(String query) {
        Response response = Api.withToken(token).urlEncodingEnabled(false).get(withQuery("/api/examples/paged-documents/", query));
        assertEquals(404, response.statusCode());
        assertEquals("{\"detail\":\"Invalid page.\"}", response.asString());
        assertEquals("application/json", response.contentType());
    }

    /**
     * For every kind of requester — anonymous (published posts), an owner with drafts, a user whose documents come
     * from grants — the pages, walked by their {@code next} links, hold exactly the plain list, and each count is
     * its length.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "anonymous        |/api/posts/",
            "owner with drafts|/api/posts/",
            "granted documents|/api/documents/",
            "anonymous        |/api/probe/notes-anon/",
    })
    void pagesHoldExactlyThePlainList(String requester, String path) {
        RequestSpecification as = switch (requester.strip()) {
            case "anonymous" -> RestAssured.given();
            case "owner with drafts" -> {
                String owner = Api.token("pager-drafts");
                Api.post(owner, "a draft", false);
                Api.post(owner, "published", true);
                yield Api.withToken(owner);
            }
            default -> Api.withToken(token);
        };
        List<Long> plain = Api.longs(Api.json(as.get(path), 200), "id");
        List<Long> unseen = switch (path) {
            case "/api/posts/" -> List.of(othersDraft);
            case "/api/documents/" -> OTHERS;
            default -> List.of();
        };
        assertTrue(unseen.stream().noneMatch(plain::contains), "others' objects exist and are not listed: " + unseen);
        List<Long> paged = new ArrayList<>();
        String next = path + "?limit=3";
        while (next != null) {
            JsonNode page = Api.json(as.urlEncodingEnabled(false).get(next.replace(base(""), "")), 200);
            assertEquals(plain.size(), page.get("count").asInt(), next);
            paged.addAll(Api.longs(page.get("results"), "id"));
            next = page.get("next").textValue();
        }
        assertEquals(plain, paged);
    }

    @Test
    void forwardedHostsAreNotTrustedByDefault() {
        Response page = Api.withToken(token).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").get("/api/documents/?limit=2");
        assertEquals(base("/api/documents/?limit=2&offset=2"), page.jsonPath().getString("next"));
    }

    @Test
    void anEmptyListHasItsFirstPageOnly() {
        String nobody = Api.token("pager-without-documents");
        Response first = Api.withToken(nobody).get("/api/examples/paged-documents/");
        assertEquals(Map.of("count", 0, "results", List.of()), Map.of("count", first.jsonPath().getInt("count"),
                "results", first.jsonPath().getList("results")));
        assertEquals(404, Api.withToken(nobody).get("/api/examples/paged-documents/?page=2").statusCode());
        Response limited = Api.withToken(nobody).get("/api/documents/?limit=5&offset=10");
        // As DRF: the previous link is built from the offset alone, even past the end of an empty list.
        assertEquals("{\"count\":0,\"next\":null,\"previous\":\"" + base("/api/documents/?limit=5&offset=5")
                + "\",\"results\":[]}", limited.asString());
    }
}
