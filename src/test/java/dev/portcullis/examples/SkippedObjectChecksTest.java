package dev.portcullis.examples;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An object check cannot be skipped: a method that reads or writes its object without {@code ObjectAccess} is
 * refused (500, nothing saved), whoever calls it; through the helper the check runs (owner 200, another user 403);
 * {@code @NoObject} says a method needs none. A change made outside a transaction is a 500 too, never a 200 that
 * saved nothing.
 */
@QuarkusTest
class SkippedObjectChecksTest {

    private static final Map<String, String> SERVER_ERROR = Map.of("detail", "A server error occurred.");
    private static final Map<String, String> DENIED = Map.of("detail", "You do not have permission to perform this action.");

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "GET  |             |owner |500",
            "GET  |             |other |500",
            "PATCH|             |owner |500",
            "PATCH|             |other |500",
            "PUT  |unsaved/     |owner |500",
            "PUT  |unsaved/     |other |403",
            "GET  |checked/     |owner |200",
            "GET  |checked/     |other |403",
            "GET  |count/       |other |200",
    })
    void aDetailEndpointMustLoadItsObjectThroughTheHelper(String method, String suffix, String actor, int status) {
        String owner = Api.token("skipper-owner");
        int id = Api.post(owner, "original title", true);
        String caller = actor.strip().equals("owner") ? owner : Api.token("skipper-other");
        Response response = Api.withToken(caller).contentType(ContentType.JSON).body("{}")
                .request(method.strip(), "/api/examples/unchecked-posts/" + id + "/" + (suffix == null ? "" : suffix.strip()));
        assertEquals(status, response.statusCode(), response.asString());
        switch (status) {
            case 500 -> assertEquals(SERVER_ERROR, response.jsonPath().getMap("$"));
            case 403 -> assertEquals(DENIED, response.jsonPath().getMap("$"));
            default -> { }
        }
        assertEquals("original title", Api.withToken(owner).get("/api/posts/" + id + "/").then().statusCode(200)
                .extract().path("title"), "nothing was saved");
    }
}
