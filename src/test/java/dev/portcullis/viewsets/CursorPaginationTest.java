package dev.portcullis.viewsets;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DRF's {@code CursorPagination} on {@code /api/examples/cursor-documents/} (two a page, by title from Z to A),
 * for a user who may view five documents titled {@code t1}…{@code t5}: the walk forward and back, each page's
 * cursors as DRF writes them (checked with {@code tools/drf/cursor.py}), and DRF's 404 for a cursor that does not
 * read.
 */
@QuarkusTest
class CursorPaginationTest {

    private static final String PATH = "/api/examples/cursor-documents/";
    private static String token;

    @BeforeEach
    void fiveDocuments() {
        if (token == null) {
            String user = Api.unique("cursor");
            Api.documentsOf(user, List.of("t3", "t1", "t5", "t2", "t4"));
            token = Api.token(user);
        }
    }

    /** A page as "titles | next cursor | previous cursor", each cursor decoded ({@code -} for none). */
    private static String page(String cursor) {
        Response response = Api.withToken(token).urlEncodingEnabled(false)
                .get(PATH + (cursor == null ? "" : "?cursor=" + QueryParameters.quotePlus(cursor)));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(List.of("next", "previous", "results"), List.copyOf(response.jsonPath().getMap("$").keySet()));
        return String.join(" ", response.jsonPath().getList("results.title", String.class)) + " | "
                + decoded(response.jsonPath().getString("next")) + " | " + decoded(response.jsonPath().getString("previous"));
    }

    private static String decoded(String link) {
        if (link == null) {
            return "-";
        }
        String query = URI.create(link).getRawQuery();
        String cursor = QueryParameters.parse(query).last("cursor").orElseThrow();
        return new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
    }

    private static String cursorOf(String page, int column) {
        String cursor = page.split(" \\| ")[column];
        return cursor.equals("-") ? null : Base64.getEncoder().encodeToString(cursor.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void walksForwardThenBackAsDrf() {
        List<String> walk = new ArrayList<>();
        String page = page(null);
        walk.add(page);
        while (cursorOf(page, 1) != null) {
            page = page(cursorOf(page, 1));
            walk.add(page);
        }
        while (cursorOf(page, 2) != null) {
            page = page(cursorOf(page, 2));
            walk.add(page);
        }
        assertEquals(List.of(
                "t5 t4 | p=t4 | -",
                "t3 t2 | p=t2 | r=1&p=t3",
                "t1 | - | r=1&p=t1",
                "t3 t2 | p=t2 | r=1&p=t3",
                "t5 t4 | p=t4 | -"), walk);
    }

    @ParameterizedTest(name = "cursor={0} -> 404")
    @CsvSource(delimiter = '|', value = {
            "not base64!",
            "cD0",
            "bz0tMQ==",
            "bz14",
            "cj14",
            "w6k=",
            "%C3%A9",
    })
    void aCursorThatDoesNotReadIsInvalid(String cursor) {
        Response response = Api.withToken(token).urlEncodingEnabled(false).get(PATH + "?cursor=" + cursor.replace(" ", "+"));
        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("{\"detail\":\"Invalid cursor\"}", response.asString());
    }
}
