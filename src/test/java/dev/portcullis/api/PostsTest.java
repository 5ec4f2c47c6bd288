package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every action of {@code /api/posts/} for anonymous, owner, other user and staff, on published posts and drafts. */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class PostsTest {

    private static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String NO_PERMISSION = "You do not have permission to perform this action.";

    private static RequestSpecification as(String actor) {
        return switch (actor) {
            case "anonymous" -> RestAssured.given();
            case "owner" -> Api.withToken(Api.token("post-owner"));
            case "other" -> Api.withToken(Api.token("post-other"));
            case "staff" -> Api.withToken(Api.token("post-staff", true, false, true));
            default -> throw new IllegalArgumentException(actor);
        };
    }

    /** Each row acts on a post of its own, made by the owner: {@code published} or {@code draft}. */
    @ParameterizedTest(name = "{0} {1} on a {2} post by {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "retrieve      |GET   |published|anonymous|200|-",
            "retrieve      |GET   |published|other    |200|-",
            "retrieve      |GET   |draft    |anonymous|404|Not found.",
            "retrieve      |GET   |draft    |other    |404|Not found.",
            "retrieve      |GET   |draft    |staff    |404|Not found.",
            "retrieve      |GET   |draft    |owner    |200|-",
            "update        |PUT   |published|anonymous|401|" + NOT_PROVIDED,
            "update        |PUT   |published|other    |403|" + NO_PERMISSION,
            "update        |PUT   |published|staff    |403|" + NO_PERMISSION,
            "update        |PUT   |published|owner    |200|-",
            "update        |PUT   |draft    |other    |404|Not found.",
            "update        |PUT   |draft    |anonymous|401|" + NOT_PROVIDED,
            "partial_update|PATCH |published|anonymous|401|" + NOT_PROVIDED,
            "partial_update|PATCH |published|other    |403|" + NO_PERMISSION,
            "partial_update|PATCH |published|staff    |403|" + NO_PERMISSION,
            "partial_update|PATCH |published|owner    |200|-",
            "partial_update|PATCH |draft    |owner    |200|-",
            "destroy       |DELETE|published|anonymous|401|" + NOT_PROVIDED,
            "destroy       |DELETE|published|other    |403|" + NO_PERMISSION,
            "destroy       |DELETE|published|staff    |204|-",
            "destroy       |DELETE|published|owner    |204|-",
            "destroy       |DELETE|draft    |staff    |404|Not found.",
            "publish       |POST  |draft    |owner    |200|-",
            "publish       |POST  |draft    |other    |404|Not found.",
            "publish       |POST  |published|other    |403|" + NO_PERMISSION,
            "publish       |POST  |published|staff    |403|" + NO_PERMISSION,
            "publish       |POST  |draft    |anonymous|401|" + NOT_PROVIDED,
    })
    void actionOnOnePost(String action, String method, String kind, String actor, int status, String detail) {
        int id = Api.post(Api.token("post-owner"), action + " " + kind, kind.equals("published"));
        String path = "/api/posts/" + id + "/" + (action.equals("publish") ? "publish/" : "");
        Map<String, Object> before = as("owner").get("/api/posts/" + id + "/").jsonPath().getMap("$");
        Response response = as(actor).contentType(ContentType.JSON)
                .body(Map.of("title", "changed", "body", "new body")).request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        if (detail != null) {
            assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
            assertEquals(status == 401 ? "Token" : null, response.header("WWW-Authenticate"));
            assertEquals(before, as("owner").get("/api/posts/" + id + "/").jsonPath().getMap("$"),
                    "a refused " + action + " left the post as it was");
        } else if (status == 200) {
            assertEquals(id, response.jsonPath().getInt("id"));
            assertEquals("post-owner", response.jsonPath().getString("owner"));
            assertEquals(action.equals("publish") || kind.equals("published"), response.jsonPath().getBoolean("published"));
            if (method.equals("PUT") || method.equals("PATCH")) {
                assertEquals("changed", response.jsonPath().getString("title"));
            }
        } else if (status == 204) {
            assertEquals("", response.asString());
            assertEquals(404, RestAssured.get(path).statusCode());
        }
    }

    @Test
    void listShowsPublishedPostsAndTheCallersOwnDrafts() {
        int published = Api.post(Api.token("post-owner"), "list published", true);
        int draft = Api.post(Api.token("post-owner"), "list draft", false);
        List<Integer> anonymous = RestAssured.get("/api/posts/").then().statusCode(200).extract().path("id");
        List<Integer> owner = as("owner").get("/api/posts/").then().statusCode(200).extract().path("id");
        List<Integer> other = as("other").get("/api/posts/").then().statusCode(200).extract().path("id");
        assertTrue(anonymous.contains(published) && !anonymous.contains(draft));
        assertTrue(owner.contains(published) && owner.contains(draft));
        assertTrue(other.contains(published) && !other.contains(draft));
    }

    @Test
    void createSetsTheOwnerFromTheRequesterAndIgnoresAClientSuppliedOne() {
        Response response = as("other").contentType(ContentType.JSON)
                .body(Map.of("title", "mine", "owner", "post-owner", "created_at", "1999-01-01T00:00:00Z"))
                .post("/api/posts/");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals("post-other", response.jsonPath().getString("owner"));
        assertEquals("mine", response.jsonPath().getString("title"));
        assertEquals("", response.jsonPath().getString("body"));
        assertFalse(response.jsonPath().getBoolean("published"));
        assertTrue(response.jsonPath().getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z"));
        assertEquals(List.of("id", "title", "body", "published", "owner", "created_at"),
                List.copyOf(response.jsonPath().getMap("$").keySet()));
    }

    @ParameterizedTest(name = "create as {0} with {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "anonymous|{\"title\": \"t\"}|401|{\"detail\":\"" + NOT_PROVIDED + "\"}",
            "anonymous|{not json|401|{\"detail\":\"" + NOT_PROVIDED + "\"}",
            "owner    |{}|400|{\"title\":[\"This field is required.\"]}",
            "owner    |{\"title\": \"  \"}|400|{\"title\":[\"This field may not be blank.\"]}",
            "owner    |{\"title\": null}|400|{\"title\":[\"This field may not be null.\"]}",
            "owner    |{\"title\": {\"a\": 1}}|400|{\"title\":[\"Not a valid string.\"]}",
            "owner    |{\"title\": \"t\", \"published\": \"maybe\"}|400|{\"published\":[\"Must be a valid boolean.\"]}",
            "owner    |[1, 2]|400|{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}",
            "owner    |\"text\"|400|{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got str.\"]}",
    })
    void createValidatesLikeASerializer(String actor, String body, int status, String expected) {
        Response response = as(actor.strip()).contentType(ContentType.JSON).body(body).post("/api/posts/");
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(io.restassured.path.json.JsonPath.from(expected).getMap("$"), response.jsonPath().getMap("$"));
    }

    @Test
    void putWithATooLongTitleNamesTheLimit() {
        int id = Api.post(Api.token("post-owner"), "short", true);
        Response response = as("owner").contentType(ContentType.JSON).body(Map.of("title", "x".repeat(201)))
                .put("/api/posts/" + id + "/");
        assertEquals(400, response.statusCode());
        assertEquals(Map.of("title", List.of("Ensure this field has no more than 200 characters.")),
                response.jsonPath().getMap("$"));
    }
}
