package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Filters, search and ordering of the reference lists, as django-filter 23 and DRF 3.14 answer them — each row was
 * run against DRF itself ({@code tools/drf/filters.py} reads this table) — and always inside what the list shows the
 * requester. Every name and object is this run's own: rows filter by the owners made here, so posts of other tests
 * never count. Posts {@code p1}–{@code p5} are made in that order (so their {@code created_at} increase); in a query,
 * {@code {A}} and {@code {B}} are their owners and {@code {p2}} the {@code created_at} of {@code p2}.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class FilteringTest {

    private static final String A = Api.unique("filter-a");
    private static final String B = Api.unique("filter-b");

    /** Name, owner, title, body, published. */
    private static final List<List<Object>> POSTS = List.of(
            List.of("p1", "A", "apple pie", "sweet and warm", true),
            List.of("p2", "A", "banana bread", "with 100% flour", false),
            List.of("p3", "A", "cherry_tart", "a_b tart", true),
            List.of("p4", "B", "apple crumble", "sweet", true),
            List.of("p5", "B", "date loaf", "secret apple draft", false));

    /** Name, owner, title. */
    private static final List<List<Object>> DOCUMENTS = List.of(
            List.of("d1", "A", "alpha report"),
            List.of("d2", "A", "beta memo"),
            List.of("d3", "A", "gamma report"),
            List.of("d4", "B", "alpha secret"));

    private static Map<String, Long> ids;
    private static Map<String, String> createdAt;

    private static synchronized void fixtures() {
        if (ids != null) {
            return;
        }
        Map<String, Long> made = new LinkedHashMap<>();
        Map<String, String> times = new LinkedHashMap<>();
        for (List<Object> post : POSTS) {
            Response created = Api.withToken(token((String) post.get(1))).contentType(ContentType.JSON)
                    .body(Map.of("title", post.get(2), "body", post.get(3), "published", post.get(4)))
                    .post("/api/posts/");
            assertEquals(201, created.statusCode(), created.asString());
            made.put((String) post.get(0), created.jsonPath().getLong("id"));
            times.put((String) post.get(0), created.jsonPath().getString("created_at"));
        }
        for (List<Object> document : DOCUMENTS) {
            String owner = user((String) document.get(1));
            made.put((String) document.get(0), Api.documentsOf(owner, List.of((String) document.get(2))).get(0));
        }
        createdAt = times;
        ids = made;
    }

    private static String user(String who) {
        return who.equals("A") ? A : B;
    }

    private static String token(String who) {
        return Api.token(user(who));
    }

    /** A request as the actor, its query sent exactly as written in the table. */
    private static RequestSpecification as(String actor) {
        return (actor.equals("anonymous") ? RestAssured.given() : Api.withToken(token(actor))).urlEncodingEnabled(false);
    }

    private static String query(String template) {
        String query = template.replace("{A}", A).replace("{B}", B);
        for (Map.Entry<String, String> time : createdAt.entrySet()) {
            query = query.replace("{" + time.getKey() + "}", time.getValue());
        }
        return query;
    }

    @ParameterizedTest(name = "{0}: /api/posts/?{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "A        |owner={A}                                   |p1 p2 p3",
            "anonymous|owner={A}                                   |p1 p3",
            "B        |owner={A}                                   |p1 p3",
            "A        |owner={B}                                   |p4",
            "B        |owner={B}                                   |p4 p5",
            "A        |owner=%20{A}%20                             |p1 p2 p3",
            "A        |owner=FILTER{A}                             |none",
            "A        |owner={A}&published=true                    |p1 p3",
            "A        |owner={A}&published=false                   |p2",
            "A        |owner={A}&published=TRUE                    |p1 p3",
            "A        |owner={A}&published=1                       |p1 p3",
            "A        |owner={A}&published=0                       |p2",
            "A        |owner={A}&published=yes                     |p1 p2 p3",
            "A        |owner={A}&published=                        |p1 p2 p3",
            "A        |owner={A}&published=true&published=false    |p2",
            "A        |owner={B}&published=false                   |none",
            "B        |owner={B}&published=false                   |p5",
            "A        |owner={A}&search=apple                      |p1",
            "A        |owner={A}&search=APPLE                      |p1",
            "A        |owner={B}&search=apple                      |p4",
            "B        |owner={B}&search=apple                      |p4 p5",
            "anonymous|owner={B}&search=secret                     |none",
            "A        |owner={A}&search=100%25                     |p2",
            "A        |owner={A}&search=%25                        |p2",
            "A        |owner={A}&search=_                          |p3",
            "A        |owner={A}&search=a_b                        |p3",
            "A        |owner={A}&search=pie,sweet                  |p1",
            "A        |owner={A}&search=pie+bread                  |none",
            "A        |owner={A}&search=tart+a_b                   |p3",
            "A        |owner={A}&search=                           |p1 p2 p3",
            "A        |owner={A}&search=+,+                        |p1 p2 p3",
            "A        |owner={A}&search=ap%00ple                   |p1",
            "A        |owner={A}&search=bread&search=pie           |p1",
            "A        |owner={A}&ordering=title                    |p1 p2 p3",
            "A        |owner={A}&ordering=-title                   |p3 p2 p1",
            "A        |owner={A}&ordering=-id                      |p3 p2 p1",
            "A        |owner={A}&ordering=-created_at              |p3 p2 p1",
            "A        |owner={A}&ordering=+-title+,                |p3 p2 p1",
            "A        |owner={A}&ordering=published,-id            |p3 p2 p1",
            "A        |owner={A}&ordering=body                     |p1 p2 p3",
            "A        |owner={A}&ordering=--id                     |p1 p2 p3",
            "A        |owner={A}&ordering=nope                     |p1 p2 p3",
            "A        |owner={A}&ordering=                         |p1 p2 p3",
            "A        |owner={A}&ordering=owner                    |p1 p2 p3",
            "A        |owner={A}&created_after={p2}                |p2 p3",
            "A        |owner={A}&created_before={p2}               |p1",
            "A        |owner={A}&created_after={p1}&created_before={p3}|p1 p2",
            "A        |owner={A}&created_after=2000-01-01T00:00:00Z|p1 p2 p3",
            "A        |owner={A}&created_after=2000-01-01+00:00    |p1 p2 p3",
            "A        |owner={A}&created_after=2000-01-01T00:00%2B05:00|p1 p2 p3",
            "A        |owner={A}&created_before=2000-01-01T00:00   |none",
            "A        |owner={A}&created_after=                    |p1 p2 p3",
            "A        |owner={A}&created_after=%20                 |400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=%202000-01-01T00:00%20|p1 p2 p3",
            "A        |owner={A}&created_after=bad                 |400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=2026-01-01          |400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=2026-13-01T00:00    |400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=2026-01-01T00:00%2B25:00|400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=2000-01-01T00:00+%2B05:00|400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=0000-01-01T00:00    |400 {\"created_after\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}&created_after=2000-01-01T00:00%2B23:59|p1 p2 p3",
            "A        |owner={A}&created_after=%D9%A2%D9%A0%D9%A0%D9%A0-%D9%A0%D9%A1-%D9%A0%D9%A1T%D9%A0%D9%A0:%D9%A0%D9%A0|p1 p2 p3",
            "A        |owner={A}&created_before=0001-01-01T00:30%2B01:00|none",
            "A        |owner={A}&created_after=9999-12-31T23:59:59-01:00|none",
            "anonymous|owner={A}&created_before=%00                |400 {\"created_before\":[\"Enter a valid date/time.\"]}",
            "A        |owner={A}%00                                |400 {\"owner\":[\"Null characters are not allowed.\"]}",
            "A        |owner={A}&created_after=x&created_before=y  |400 {\"created_after\":[\"Enter a valid date/time.\"],\"created_before\":[\"Enter a valid date/time.\"]}",
    })
    void posts(String actor, String query, String expected) {
        fixtures();
        check(as(actor).get("/api/posts/?" + query(query)), expected);
    }

    @ParameterizedTest(name = "{0}: /api/documents/?{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "A|search=report                |d1 d3",
            "A|search=alpha                 |d1",
            "B|search=alpha                 |d4",
            "A|search=secret                |none",
            "A|ordering=-title              |d3 d2 d1",
            "A|search=report&ordering=-id   |d3 d1",
            "A|ordering=content             |d1 d2 d3",
            "A|search=REPORT,gamma          |d3",
    })
    void documents(String actor, String query, String expected) {
        fixtures();
        check(as(actor).get("/api/documents/?" + query(query)), expected);
    }

    /** A page counts and links exactly what the filtered list shows; its links keep every parameter. */
    @ParameterizedTest(name = "{0}: /api/posts/?{1} -> {2} objects, next {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "A|limit=2&owner={A}&ordering=-title      |3|limit=2&offset=2&ordering=-title&owner={A}|p3 p2",
            "B|owner={B}&search=apple&limit=1          |2|limit=1&offset=1&owner={B}&search=apple   |p4",
            "A|owner={B}&search=apple&limit=1          |1|-                                         |p4",
            "A|owner={A}&published=true&limit=1&offset=1|2|-                                        |p3",
    })
    void pages(String actor, String query, long count, String next, String results) {
        fixtures();
        Response response = as(actor).get("/api/posts/?" + query(query));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(count, response.jsonPath().getLong("count"));
        assertEquals(next == null ? null : RestAssured.baseURI + ":" + RestAssured.port + "/api/posts/?" + query(next)
                .replace("{A}", A), response.jsonPath().getString("next"));
        assertEquals(named(results), response.jsonPath().getList("results.id", Long.class));
    }

    /** DRF's {@code get_object()} filters as the list does: what the filters leave out is a 404, a bad value a 400. */
    @ParameterizedTest(name = "{0}: /api/posts/p1/?{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "A|published=true       |200|",
            "A|published=false      |404|{\"detail\":\"Not found.\"}",
            "A|search=pie           |200|",
            "A|search=bread         |404|{\"detail\":\"Not found.\"}",
            "A|ordering=-title      |200|",
            "A|created_after=never  |400|{\"created_after\":[\"Enter a valid date/time.\"]}",
    })
    void retrieve(String actor, String query, int status, String body) {
        fixtures();
        Response response = as(actor).get("/api/posts/" + ids.get("p1") + "/?" + query(query));
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 200) {
            assertEquals(ids.get("p1"), response.jsonPath().getLong("id"));
        } else {
            assertEquals(body, response.asString());
        }
    }

    private static void check(Response response, String expected) {
        assertEquals("application/json", response.contentType().split(";")[0]);
        if (expected.startsWith("400 ")) {
            assertEquals(400, response.statusCode(), response.asString());
            assertEquals(expected.substring(4), response.asString());
            return;
        }
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(named(expected), response.jsonPath().getList("id", Long.class));
    }

    private static List<Long> named(String expected) {
        List<Long> wanted = new ArrayList<>();
        if (!expected.equals("none")) {
            for (String name : expected.split(" ")) {
                wanted.add(ids.get(name));
            }
        }
        return wanted;
    }
}
