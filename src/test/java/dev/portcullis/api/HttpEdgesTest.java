package dev.portcullis.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What DRF answers around the views: trailing slashes, 404, 405 and OPTIONS after the guard, bodies that
 * cannot be read, ids that are not ids, hostile headers. Nothing a client sends yields a 500.
 */
@QuarkusTest
class HttpEdgesTest {

    private static final String NOT_PROVIDED = "Authentication credentials were not provided.";

    private static RequestSpecification as(String actor) {
        return actor.equals("anonymous") ? RestAssured.given() : Api.withToken(Api.token("edge-user"));
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET    |/api/data             |user     |404|Not found.|-",
            "GET    |/api/posts            |anonymous|404|Not found.|-",
            "GET    |/api/nothing-here/    |anonymous|404|Not found.|-",
            "DELETE |/api/data/            |anonymous|401|" + NOT_PROVIDED + "|GET, HEAD, OPTIONS",
            "DELETE |/api/data/            |user     |405|Method \"DELETE\" not allowed.|GET, HEAD, OPTIONS",
            "POST   |/api/public/          |anonymous|405|Method \"POST\" not allowed.|GET, HEAD, OPTIONS",
            "PUT    |/api/posts/           |anonymous|401|" + NOT_PROVIDED + "|GET, POST, HEAD, OPTIONS",
            "PUT    |/api/posts/           |user     |405|Method \"PUT\" not allowed.|GET, POST, HEAD, OPTIONS",
            "POST   |/api/posts/1/         |user     |405|Method \"POST\" not allowed.|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "GET    |/api/token/           |anonymous|405|Method \"GET\" not allowed.|POST, OPTIONS",
            "GET    |/api/register/        |user     |405|Method \"GET\" not allowed.|POST, OPTIONS",
            "GET    |/api/auth/login/      |anonymous|405|Method \"GET\" not allowed.|POST, OPTIONS",
            "GET    |/api/auth/logout/     |anonymous|405|Method \"GET\" not allowed.|POST, OPTIONS",
            "POST   |/api/auth/csrf/       |anonymous|405|Method \"POST\" not allowed.|GET, HEAD, OPTIONS",
            "PUT    |/api/admin/users/bob/token/|anonymous|401|" + NOT_PROVIDED + "|POST, DELETE, OPTIONS",
            "PUT    |/api/admin/users/bob/token/|user|403|You do not have permission to perform this action.|POST, DELETE, OPTIONS",
            "POST   |/api/posts/1/         |anonymous|401|" + NOT_PROVIDED + "|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "OPTIONS|/api/data/            |anonymous|401|" + NOT_PROVIDED + "|GET, HEAD, OPTIONS",
            "GET    |/api/posts/abc/       |anonymous|404|Not found.|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "GET    |/api/posts/-1/        |anonymous|404|Not found.|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "GET    |/api/posts/99999999999999999999999/|anonymous|404|Not found.|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "GET    |/api/posts/0/         |anonymous|404|Not found.|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "PUT    |/api/posts/abc/       |anonymous|401|" + NOT_PROVIDED + "|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "DELETE |/api/posts/abc/       |user     |404|Not found.|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "GET    |/api/probe/or-posts/abc/|user   |404|Not found.|GET, PUT, PATCH, HEAD, OPTIONS",
    })
    void aroundTheViews(String method, String path, String actor, int status, String detail, String allow) {
        Response response = as(actor.strip()).request(method.strip(), path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
        assertEquals(allow, response.header("Allow"));
    }

    /**
     * DRF's views say on every answer which methods they have, success or refusal; a path no view serves (Django's
     * 404) says nothing.
     */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}, Allow: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET   |/api/public/          |anonymous|200|GET, HEAD, OPTIONS",
            "HEAD  |/api/public/          |anonymous|200|GET, HEAD, OPTIONS",
            "GET   |/api/private/         |anonymous|401|GET, HEAD, OPTIONS",
            "GET   |/api/admin-only/      |user     |403|GET, HEAD, OPTIONS",
            "GET   |/api/posts/           |anonymous|200|GET, POST, HEAD, OPTIONS",
            "POST  |/api/posts/           |user     |400|GET, POST, HEAD, OPTIONS",
            "GET   |/api/posts/999999999/ |user     |404|GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
            "POST  |/api/posts/999999999/publish/|user|404|POST, OPTIONS",
            "POST  |/api/token/           |anonymous|400|POST, OPTIONS",
            "GET   |/api/no-such-view/    |anonymous|404|-",
    })
    void everyAnswerOfAViewSaysItsMethods(String method, String path, String actor, int status, String allow) {
        Response response = as(actor.strip()).contentType(ContentType.JSON).body("{}").request(method.strip(),
                path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(allow == null ? List.of() : List.of(allow), response.headers().getValues("Allow"));
    }

    /** A HEAD answers with its GET's headers and no body. */
    @ParameterizedTest(name = "HEAD {0}")
    @CsvSource({"/api/public/", "/api/posts/", "/api/posts/?limit=1", "/api/documents/"})
    void aHeadSaysWhatItsGetSays(String path) {
        Response get = as("user").get(path);
        Response head = as("user").head(path);
        assertEquals(get.statusCode(), head.statusCode());
        assertEquals("application/json", head.contentType());
        assertEquals(get.header("Allow"), head.header("Allow"));
        assertEquals("", head.asString());
    }

    /**
     * DRF's metadata: the view's name (a viewset's with its route's suffix, an extra action's own), and DRF's
     * default renderers and parsers; the fields a write takes, under {@code actions}, are MetadataActionsTest's.
     */
    @ParameterizedTest(name = "OPTIONS {0} as {1} -> 200 metadata")
    @CsvSource(delimiter = '|', value = {
            "/api/public/           |anonymous|GET, HEAD, OPTIONS|Public",
            "/api/data/             |user     |GET, HEAD, OPTIONS|Data",
            "/api/posts/            |user     |GET, POST, HEAD, OPTIONS|Post List",
            "/api/posts/1/          |user     |GET, PUT, PATCH, DELETE, HEAD, OPTIONS|Post Instance",
            "/api/posts/1/publish/  |user     |POST, OPTIONS|Publish",
            "/api/notes/            |user     |GET, POST, HEAD, OPTIONS|Note List",
    })
    void optionsIsDrfsMetadataAction(String path, String actor, String allow, String name) throws Exception {
        Response response = as(actor.strip()).options(path.strip());
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(allow, response.header("Allow"));
        assertEquals("application/json", response.contentType());
        Map<?, ?> metadata = new ObjectMapper().readValue(response.asString(), Map.class);
        metadata.remove("actions");
        assertEquals(Map.of("name", name, "description", "", "renders", List.of("application/json", "text/html"),
                "parses", List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data")),
                metadata);
    }

    @ParameterizedTest(name = "POST /api/posts/ as {0} with {1} [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "anonymous|application/json|{broken|401|" + NOT_PROVIDED,
            "anonymous|text/plain      |hello  |401|" + NOT_PROVIDED,
            "user     |text/plain      |hello  |415|-",
            "user     |application/xml |<a/>   |415|-",
            "user     |application/json|{broken|400|-",
            "user     |application/json|{\"title\": \"x\"} trailing|400|-",
    })
    void unreadableBodiesAreClientErrors(String actor, String contentType, String body, int status, String detail) {
        Response response = as(actor.strip()).contentType(contentType.strip()).body(body.strip()).post("/api/posts/");
        assertEquals(status, response.statusCode(), response.asString());
        String answer = response.jsonPath().getString("detail");
        if (detail != null) {
            assertEquals(detail, answer);
        } else if (status == 415) {
            assertTrue(answer.startsWith("Unsupported media type \"" + contentType.strip()), answer);
        } else {
            assertTrue(answer.startsWith("JSON parse error - "), answer);
        }
    }

    @Test
    void aFormBodyWithABrokenEscapeIsReadAsDjangoReadsIt() {
        Response response = as("user").contentType("application/x-www-form-urlencoded").body("title=%zz+100%")
                .post("/api/posts/");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals("%zz 100%", response.jsonPath().getString("title"));
    }

    @ParameterizedTest(name = "Authorization [{0}] on /api/data/ -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Token \u00e9\u00e8|401",
            "Token \u0000|401",
            "Token " + "a|401",
            "Bearer|401",
            "\u00ff\u00ff\u00ff|401",
            "Token ' '|401",
    })
    void hostileAuthorizationHeadersAreAuthenticationErrors(String header, int status) {
        Response response = RestAssured.given().header("Authorization", header).get("/api/data/");
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("Token", response.header("WWW-Authenticate"));
        assertTrue(response.jsonPath().getString("detail").length() > 0);
    }

    @ParameterizedTest(name = "a {0} body is an empty payload")
    @CsvSource({"application/json", "application/x-www-form-urlencoded"})
    void anEmptyBodyIsAnEmptyPayload(String contentType) {
        Response response = as("user").contentType(contentType).post("/api/posts/");
        assertEquals(400, response.statusCode());
        assertEquals(Map.of("title", java.util.List.of("This field is required.")), response.jsonPath().getMap("$"));
    }
}
