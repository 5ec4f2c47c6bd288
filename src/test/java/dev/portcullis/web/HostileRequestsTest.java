package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oversized and hostile requests over HTTP: bounded bodies, headers and documents answered in DRF's shape,
 * and thousands of generated requests (jqwik's generators) that never meet a 5xx.
 */
@QuarkusTest
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a 2 MB body                 |413|{\"detail\":\"Request body exceeded 1048576 bytes.\"}",
            "a document nested 100 deep  |400|{\"detail\":\"JSON parse error - Document nesting depth (65) exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`)\"}",
            "a 200-digit number          |400|{\"detail\":\"JSON parse error - Number value length (200) exceeds the maximum allowed (100, from `StreamReadConstraints.getMaxNumberLength()`)\"}",
            "a 300-character title       |400|{\"title\":[\"Ensure this field has no more than 200 characters.\"]}",
    })
    void oversizedBodiesAreRefusedInDrfsShape(String body, int status, String expected) throws Exception {
        String document = switch (body.strip()) {
            case "a 2 MB body" -> "{\"title\": \"" + "x".repeat(2_000_000) + "\"}";
            case "a document nested 100 deep" -> "{\"title\": " + "[".repeat(100) + "]".repeat(100) + "}";
            case "a 200-digit number" -> "{\"title\": " + "9".repeat(200) + "}";
            default -> "{\"title\": \"" + "x".repeat(300) + "\"}";
        };
        Response response = Api.withToken(Api.token("hostile-user")).contentType("application/json").body(document)
                .post("/api/posts/");
        assertEquals(status, response.statusCode());
        assertEquals(JSON.readTree(expected), JSON.readTree(response.asString()));
        assertEquals("application/json", response.contentType());
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void oversizedHeadersAre431() {
        Response response = RestAssured.given().header("X-Padding", "y".repeat(20_000)).get("/api/public/");
        assertEquals(431, response.statusCode());
        assertEquals("", response.asString());
    }

    /**
     * A request made of generated parts: method, path, a list's paging parameters (a name and value each, perhaps
     * repeated), Authorization header, content type and body.
     */
    private record Hostile(String method, String path, List<Map.Entry<String, String>> query, String authorization,
                           String contentType, String body) {
    }

    private static Arbitrary<Hostile> hostileRequests(String token) {
        Arbitrary<String> junk = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        Arbitrary<String> paths = Arbitraries.oneOf(
                Arbitraries.of("/api/posts/", "/api/notes/", "/api/documents/", "/api/token/", "/api/jwt/create/",
                        "/api/jwt/refresh/", "/api/jwt/verify/", "/api/auth/login/", "/api/register/", "/api/data/",
                        "/api/admin/grants/", "/api/admin/users/", "/api/_meta/explain/", "/api/probe/readonly/"),
                Combinators.combine(Arbitraries.of("/api/posts/", "/api/documents/", "/api/notes/",
                                "/api/probe/or-posts/", "/api/admin/users/", "/api/admin/groups/"),
                        Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(25))
                        .as((prefix, id) -> prefix + id + "/"));
        Arbitrary<String> authorizations = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just("Token " + token),
                junk, junk.map(j -> "Token " + j), junk.map(j -> "Bearer " + j), junk.map(j -> "Basic " + j));
        Arbitrary<String> bodies = Arbitraries.oneOf(junk,
                Combinators.combine(Arbitraries.of("title", "text", "username", "password", "refresh", "token",
                                "permission", "object_id", "published"),
                        Arbitraries.oneOf(junk.map(j -> JSON.valueToTree(j).toString()),
                                Arbitraries.of("null", "true", "[]", "{}", "-1", "1e308", "99999999999999999999")))
                        .as((field, value) -> "{\"" + field + "\": " + value + "}"));
        Arbitrary<String> pageValues = Arbitraries.oneOf(junk, Arbitraries.of("-1", "0", "1", "20", "last", "1.5",
                " 5 ", "1_0", "99999999999999999999", "", "NaN", "cD0xMjM=", "bz0xJnI9MSZwPTI=", "%", "\u0000"));
        Arbitrary<List<Map.Entry<String, String>>> queries = Combinators.combine(
                        Arbitraries.of("limit", "offset", "page", "cursor"), pageValues).as(Map::entry)
                .list().ofMaxSize(3);
        return Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"), paths,
                queries, authorizations, Arbitraries.of("application/json", "application/x-www-form-urlencoded",
                        "text/plain"), bodies).as(Hostile::new);
    }

    @Test
    void generatedRequestsNeverMeetA5xx() throws Exception {
        String token = Api.token("hostile-user");
        List<Hostile> requests = hostileRequests(token).sampleStream().limit(2000).toList();
        for (Hostile hostile : requests) {
            RequestSpecification request = RestAssured.given().config(RestAssured.config().encoderConfig(
                    EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .contentType(hostile.contentType()).body(hostile.body());
            if (hostile.authorization() != null) {
                request.header("Authorization", hostile.authorization());
            }
            hostile.query().forEach(parameter -> request.queryParam(parameter.getKey(), parameter.getValue()));
            Response response = request.request(hostile.method(), hostile.path());
            assertTrue(response.statusCode() < 500, hostile + " -> " + response.statusCode() + " " + response.asString());
            if (!response.asString().isEmpty()) {
                JsonNode body = JSON.readTree(response.asString());
                assertTrue(body.isObject() || body.isArray(), hostile + " -> " + response.asString());
            }
        }
        assertEquals(2000, requests.size());
    }
}
