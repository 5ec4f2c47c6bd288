package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user deleted while signing in: the password matched, then the account's row is deleted (held uncommitted until
 * the sign-in waits on it). Each sign-in answers as it answers credentials that match no one — as it would a moment
 * later — never a 500, and no credential is issued.
 */
@QuarkusTest
class DeletedWhileSigningInTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/token/     |400|{\"non_field_errors\": [\"Unable to log in with provided credentials.\"]}|",
            "/api/auth/login/|400|{\"non_field_errors\": [\"Unable to log in with provided credentials.\"]}|",
            "/api/jwt/create/|401|{\"detail\": \"No active account found with the given credentials\"}  |Bearer realm=\"api\"",
    })
    void aUserDeletedMeanwhileIsNotSignedIn(String path, int status, String body, String challenge) throws Exception {
        String username = Api.unique("leaving");
        Api.token(username);
        Response response = HeldChange.meets(dataSource, "DELETE FROM users WHERE username = ?", username,
                () -> RestAssured.given().contentType(ContentType.JSON)
                        .body(Map.of("username", username, "password", Api.PASSWORD)).post(path.strip()));
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/json", response.contentType());
        assertEquals(JsonPath.from(body).getMap("$"), response.jsonPath().getMap("$"));
        assertEquals(challenge == null ? null : challenge.strip(), response.header("WWW-Authenticate"));
    }
}
