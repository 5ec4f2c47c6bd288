package dev.portcullis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A post created from each kind of body DRF's parsers read — JSON, a form, a multipart form — or refused in DRF's
 * words. A form is DRF's "HTML input": a boolean it leaves out is false, an optional field it sends empty is left
 * out. Every row was asked of the same viewset written with DRF 3.14 ({@code tools/drf/bodies.py}).
 */
@QuarkusTest
class PostBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MULTIPART = "multipart/form-data; boundary=XyZ";

    /** Each row: content type ({@code -}: none) {@code  => } body {@code  => } status {@code  => } the answer's fields. */
    private static final String[] ROWS = {
            "application/json => {\"title\": \"t\", \"published\": true} => 201 => {\"title\":\"t\",\"body\":\"\",\"published\":true}",
            "application/json => {\"title\": 1e400} => 201 => {\"title\":\"inf\",\"published\":false}",
            "application/json => {\"title\": 1e20, \"body\": 0.00001} => 201 => {\"title\":\"1e+20\",\"body\":\"1e-05\"}",
            "application/json => null => 400 => {\"non_field_errors\":[\"No data provided\"]}",
            "application/json => [] => 400 => {\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}",
            "application/json => {\"title\": NaN} => 400 => {\"detail\":\"JSON parse error - Out of range float values are not JSON compliant: 'NaN'\"}",
            "application/json => \ufeff{\"title\": \"t\"} => 400 => {\"detail\":\"JSON parse error - Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)\"}",
            "application/json => {\"title\": \"t\"} x => 400 => {\"detail\":\"JSON parse error - Extra data: line 1 column 16 (char 15)\"}",
            "application/* => {\"title\": \"t\"} => 201 => {\"title\":\"t\"}",
            "- => {\"title\": \"t\"} => 415 => {\"detail\":\"Unsupported media type \\\"\\\" in request.\"}",
            "application/merge-patch+json => {\"title\": \"t\"} => 415 => {\"detail\":\"Unsupported media type \\\"application/merge-patch+json\\\" in request.\"}",
            "application/x-www-form-urlencoded => title=t => 201 => {\"title\":\"t\",\"body\":\"\",\"published\":false}",
            "application/x-www-form-urlencoded =>  => 400 => {\"title\":[\"This field is required.\"]}",
            "application/json =>  => 400 => {\"title\":[\"This field is required.\"]}",
            "application/x-www-form-urlencoded => title=t&published=&body= => 201 => {\"title\":\"t\",\"body\":\"\",\"published\":false}",
            "application/x-www-form-urlencoded => title=t&published=on&body=+b+ => 201 => {\"title\":\"t\",\"body\":\" b \",\"published\":true}",
            "application/x-www-form-urlencoded => title=&published=maybe => 400 => {\"title\":[\"This field may not be blank.\"],\"published\":[\"Must be a valid boolean.\"]}",
            MULTIPART + " => --XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--XyZ\r\nContent-Disposition: form-data; name=\"published\"\r\n\r\ntrue\r\n--XyZ-- => 201 => {\"title\":\"t\",\"published\":true}",
            MULTIPART + " => --XyZ\r\nContent-Disposition: form-data; name=\"title\"; filename=\"t.txt\"\r\n\r\nt\r\n--XyZ-- => 400 => {\"title\":[\"Not a valid string.\"]}",
            "multipart/form-data => --XyZ-- => 400 => {\"detail\":\"Multipart form parse error - Invalid boundary in multipart: None\"}",
    };

    static Stream<Arguments> rows() {
        return Stream.of(ROWS).map(row -> row.split(" => ", 4))
                .map(row -> Arguments.of(row[0], row[1], Integer.parseInt(row[2]), row[3]));
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2} {3}")
    @MethodSource("rows")
    void aPostIsReadFromEachKindOfBody(String contentType, String body, int status, String fields) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.base() + "/api/posts/"))
                .header("Authorization", "Token " + Api.token("body-writer"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.equals("-")) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = Api.plainClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode answer = JSON.readTree(response.body());
        JsonNode expected = JSON.readTree(fields);
        for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertEquals(expected.get(name), answer.get(name), name + " in " + response.body());
        }
        if (status == 201) {
            List<String> names = new ArrayList<>();
            answer.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("id", "title", "body", "published", "owner", "created_at"), names, response.body());
            assertEquals("body-writer", answer.get("owner").asText());
        } else {
            assertEquals(expected.size(), answer.size(), response.body());
        }
    }
}
