package dev.portcullis.api;

import dev.portcullis.SettingsOfTheirOwn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code portcullis.token.lifetime} set, a token is refused once it has lived that long — whether the
 * credential cache holds it (it was used before) or the database is asked. The users sign up and sign in
 * themselves: a token this profile issues must not outlive it in a fixture another test reuses.
 */
@QuarkusTest
@TestProfile(SettingsOfTheirOwn.class)
class ExpiringTokensTest {

    private static final Duration LIFETIME = SettingsOfTheirOwn.TOKEN_LIFETIME;

    @ParameterizedTest(name = "used while valid: {0}; {1}")
    @CsvSource(delimiter = '|', value = {
            "true |/api/me/",
            "false|/api/me/",
            "true |/api/data/",
    })
    void aTokenPastItsLifetimeIsAnInvalidToken(boolean usedWhileValid, String path) throws Exception {
        String username = Api.unique("expiring");
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/register/")
                .then().statusCode(201);
        String token = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/token/")
                .then().statusCode(200).extract().path("token");
        long issued = System.nanoTime();  // after the answer, so no later than the token's own start
        if (usedWhileValid) {
            Response valid = Api.withToken(token).get(path);
            assertEquals(200, valid.statusCode(), valid.asString());
        }
        // The lifetime itself is what is waited for, measured from a moment after the token was made.
        Thread.sleep(Math.max(0, LIFETIME.plusMillis(200).toMillis() - (System.nanoTime() - issued) / 1_000_000));

        Response expired = Api.withToken(token).get(path);
        assertEquals(401, expired.statusCode(), expired.asString());
        assertEquals("{\"detail\":\"Invalid token.\"}", expired.asString());
        assertEquals("Token", expired.header("WWW-Authenticate"));
    }
}
