package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /api/probe/notes-anon/} is the notes viewset under {@code ModelPermissionsOrAnonReadOnly}: anyone reads,
 * writes need the model permission, and every action answers as {@code /api/notes/} does.
 */
@QuarkusTest
class NotesAnonTest {

    private static final String NOT_PROVIDED = "{\"detail\":\"Authentication credentials were not provided.\"}";
    private static final String DENIED = "{\"detail\":\"You do not have permission to perform this action.\"}";

    /** Actor: anonymous, a user with no grant, or a user holding the one model permission named. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET   |list    |anonymous  |200|-",
            "GET   |detail  |anonymous  |200|-",
            "POST  |list    |anonymous  |401|" + NOT_PROVIDED,
            "POST  |list    |nobody     |403|" + DENIED,
            "POST  |list    |add_note   |201|-",
            "PATCH |detail  |anonymous  |401|" + NOT_PROVIDED,
            "PATCH |detail  |add_note   |403|" + DENIED,
            "PATCH |detail  |change_note|200|-",
            "PUT   |detail  |change_note|200|-",
            "DELETE|detail  |change_note|403|" + DENIED,
            "DELETE|detail  |delete_note|204|-",
    })
    void notesReadableByAnyoneWritableByGrant(String method, String target, String actor, int status, String body) {
        String text = "note " + UUID.randomUUID();
        int id = Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/notes/").then().statusCode(201).extract().path("id");
        var request = RestAssured.given();
        if (!actor.equals("anonymous")) {
            String username = Api.unique("anon-notes");
            request = Api.withToken(Api.token(username, false, false, true));
            if (!actor.equals("nobody")) {
                Api.grant(Api.modelGrant("username", username, actor), false);
            }
        }
        String path = "/api/probe/notes-anon/" + (target.equals("detail") ? id + "/" : "");
        Response response = request.contentType(ContentType.JSON).body(Map.of("text", "changed")).request(method, path);

        assertEquals(status, response.statusCode(), response.asString());
        if (body != null) {
            assertEquals(JsonPath.from(body).getMap("$"), response.jsonPath().getMap("$"));
        } else if (status == 201) {
            assertEquals(Map.of("id", response.jsonPath().getInt("id"), "text", "changed"), response.jsonPath().getMap("$"));
        } else if (status == 200 && target.equals("detail")) {
            String expected = method.equals("GET") ? text : "changed";
            assertEquals(Map.of("id", id, "text", expected), response.jsonPath().getMap("$"));
        } else if (status == 200) {
            assertEquals(text, response.jsonPath().getList("findAll { it.id == " + id + " }.text").get(0));
        }
        Response after = RestAssured.get("/api/probe/notes-anon/" + id + "/");
        if (method.equals("DELETE") && status == 204) {
            assertEquals(404, after.statusCode());
        } else {
            String stored = status == 200 && !method.equals("GET") ? "changed" : text;
            assertEquals(Map.of("id", id, "text", stored), after.jsonPath().getMap("$"), "a refused write changes nothing");
        }
    }
}
