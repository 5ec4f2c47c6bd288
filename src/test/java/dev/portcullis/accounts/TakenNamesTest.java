package dev.portcullis.accounts;

import dev.portcullis.api.Api;
import dev.portcullis.api.HeldChange;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A name taken by another request while this one was creating it: the other request's row is inserted and held
 * uncommitted, so this request finds the name free, then waits on the unique index until the other commits. It is
 * answered as a name found taken — 400 with DRF's words — never a 500.
 */
@QuarkusTest
class TakenNamesTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/admin/users/ |username|INSERT INTO users (username, password_hash) VALUES (?, '!')|A user with that username already exists.",
            "/api/admin/groups/|name    |INSERT INTO user_groups (name) VALUES (?)                |group with this name already exists.",
    })
    void aNameTakenMeanwhileIsA400(String path, String field, String insert, String message) throws Exception {
        String name = Api.unique("racer");
        String admin = Api.adminToken();
        Response response = HeldChange.meets(dataSource, insert.strip(), name, () -> Api.withToken(admin)
                .contentType(ContentType.JSON).body(Map.of(field.strip(), name, "password", "a-long-passphrase-1"))
                .post(path.strip()));
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals("application/json", response.contentType());
        assertEquals(Map.of(field.strip(), List.of(message)), response.jsonPath().getMap("$"));
    }
}
