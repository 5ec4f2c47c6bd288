package dev.portcullis.examples.library;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * django-filter's lookups, as PostgreSQL runs them for Django, on the copies of two books made here: text (case,
 * {@code %} and {@code _} as plain characters), numbers, a relation and a path through it. Each row scopes itself
 * to this run's copies ({@code {R}} starts their branches; {@code {all}} is their ids).
 */
@QuarkusTest
class LookupsTest {

    private static final String RUN = Api.unique("lookups");
    private static Map<String, Long> ids;

    private static synchronized void fixtures() {
        if (ids != null) {
            return;
        }
        String librarian = "librarian-" + RUN;
        Api.token(librarian, true, false, true);
        Map<String, Long> made = new LinkedHashMap<>();
        made.put("b1", create("books", Map.of("title", "Alpha Title", "author", "Ann", "isbn", RUN.substring(8) + "1")));
        made.put("b2", create("books", Map.of("title", "beta title", "author", "Bob", "isbn", RUN.substring(8) + "2")));
        made.put("c1", create("copies", Map.of("book", made.get("b1"), "branch", RUN + "-North")));
        made.put("c2", create("copies", Map.of("book", made.get("b1"), "branch", RUN + "-south")));
        made.put("c3", create("copies", Map.of("book", made.get("b2"), "branch", RUN + "-North-East")));
        made.put("c4", create("copies", Map.of("book", made.get("b2"), "branch", RUN + "-West_1")));
        ids = made;
    }

    private static long create(String what, Map<String, Object> body) {
        Response created = Api.withToken(Api.token("librarian-" + RUN, true, false, true)).contentType(ContentType.JSON)
                .body(body).post("/api/library/" + what + "/");
        assertEquals(201, created.statusCode(), created.asString());
        return created.jsonPath().getLong("id");
    }

    @ParameterizedTest(name = "?{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "id__in={all}&branch={R}-North                |c1",
            "id__in={all}&branch={R}-north                |none",
            "id__in={all}&branch__iexact={R}-NORTH        |c1",
            "id__in={all}&branch__contains=North          |c1 c3",
            "id__in={all}&branch__contains=north          |none",
            "id__in={all}&branch__icontains=NORTH         |c1 c3",
            "id__in={all}&branch__contains=_              |c4",
            "id__in={all}&branch__contains=%25            |none",
            "id__in={all}&branch__startswith={R}-N        |c1 c3",
            "id__in={all}&branch__istartswith={R}-n       |c1 c3",
            "id__in={all}&branch__endswith=East           |c3",
            "id__in={all}&branch__iendswith=SOUTH         |c2",
            "id__in={all}&branch__in={R}-North,{R}-south  |c1 c2",
            "id__in={all}&branch__in=,                    |none",
            "id__in={all}&branch__isnull=true             |none",
            "id__in={all}&branch__isnull=False            |c1 c2 c3 c4",
            "id__in={all}&branch__isnull=maybe            |c1 c2 c3 c4",
            "id__in={all}&branch=+                        |c1 c2 c3 c4",
            "id__in={all}&branch=a%00b                    |400 {\"branch\":[\"Null characters are not allowed.\"]}",
            "branch__startswith={R}&id__gt={c2}           |c3 c4",
            "branch__startswith={R}&id__gte={c2}          |c2 c3 c4",
            "branch__startswith={R}&id__lt={c2}           |c1",
            "branch__startswith={R}&id__lte={c2}.9        |c1 c2",
            "branch__startswith={R}&id__in={c1},,{c3}     |c1 c3",
            "branch__startswith={R}&id__in={c1},x         |400 {\"id__in\":[\"Enter a number.\"]}",
            "branch__startswith={R}&id__gt=abc            |400 {\"id__gt\":[\"Enter a number.\"]}",
            "branch__startswith={R}&id__gt=1e99999        |none",
            "branch__startswith={R}&book={b1}             |c1 c2",
            "branch__startswith={R}&book__in={b2},{b1}    |c1 c2 c3 c4",
            "branch__startswith={R}&book=abc              |400 {\"book\":[\"Select a valid choice. That choice is not one of the available choices.\"]}",
            "branch__startswith={R}&book=99999999999      |none",
            "branch__startswith={R}&book=%20{b1}%20       |c1 c2",
            "branch__startswith={R}&book={b1}.0           |400 {\"book\":[\"Select a valid choice. That choice is not one of the available choices.\"]}",
            "branch__startswith={R}&book=%20              |400 {\"book\":[\"Select a valid choice. That choice is not one of the available choices.\"]}",
            "branch__startswith={R}&id__gt=%20            |400 {\"id__gt\":[\"Enter a number.\"]}",
            "branch__startswith={R}&branch=%20            |c1 c2 c3 c4",
            "branch__startswith={R}&book__isnull=1        |none",
            "branch__startswith={R}&book__title__icontains=BETA|c3 c4",
            "branch__startswith={R}&book__author=Ann      |c1 c2",
    })
    void lookups(String query, String expected) {
        fixtures();
        String filled = query.replace("{R}", RUN).replace("{all}", ids.get("c1") + "," + ids.get("c2") + ","
                + ids.get("c3") + "," + ids.get("c4"));
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
        }
        Response response = Api.withToken(Api.token("librarian-" + RUN, true, false, true)).urlEncodingEnabled(false)
                .get("/api/examples/copy-lookups/?" + filled);
        if (expected.startsWith("400 ")) {
            assertEquals(400, response.statusCode(), response.asString());
            assertEquals(expected.substring(4), response.asString());
            return;
        }
        assertEquals(200, response.statusCode(), response.asString());
        List<Long> wanted = new ArrayList<>();
        for (String name : expected.equals("none") ? new String[0] : expected.split(" ")) {
            wanted.add(ids.get(name));
        }
        assertEquals(wanted, response.jsonPath().getList("id", Long.class));
    }
}
