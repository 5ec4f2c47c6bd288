package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An object deleted by another request while this one was changing or deleting it: the delete is held uncommitted,
 * so this request finds the object, then waits on its row until the delete commits. It is answered as if it had come
 * after the delete — 404, as for any object that does not exist — never a 500, and nothing is written.
 */
@QuarkusTest
class VanishedObjectsTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} of a post deleted meanwhile")
    @CsvSource(delimiter = '|', value = {
            "PATCH |{\"title\": \"changed\"}",
            "PUT   |{\"title\": \"changed\", \"body\": \"changed\", \"published\": true}",
            "DELETE|",
    })
    void anObjectDeletedMeanwhileIsA404(String method, String body) throws Exception {
        String owner = Api.token(Api.unique("vanishing"));
        long id = Api.post(owner, "original", true);
        Response response = HeldChange.meets(dataSource, "DELETE FROM posts WHERE id = ?", id, () -> {
            var request = Api.withToken(owner);
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method.strip(), "/api/posts/" + id + "/");
        });
        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("application/json", response.contentType());
        assertEquals(Map.of("detail", "Not found."), response.jsonPath().getMap("$"));
        Api.withToken(owner).get("/api/posts/" + id + "/").then().statusCode(404);
    }
}
