package dev.portcullis.api;

import dev.portcullis.SettingsOfTheirOwn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** A token of its own per case, used while valid or not, then asked for on the path. */
    private record Case(boolean usedWhileValid, String path) {
    }

    private static final List<Case> CASES = List.of(
            new Case(true, "/api/me/"),
            new Case(false, "/api/me/"),
            new Case(true, "/api/data/"));

    /** The cases' tokens all live out one lifetime together: it is waited for once. */
    @Test
    void aTokenPastItsLifetimeIsAnInvalidToken() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (Case used : CASES) {
            String token = signedUpToken();
            tokens.add(token);
            if (used.usedWhileValid()) {
                Response valid = Api.withToken(token).get(used.path());
                assertEquals(200, valid.statusCode(), used + ": " + valid.asString());
            }
        }
        // The lifetime itself is what is waited for, from after the last token's answer: no sooner than any token
        // has lived it.
        Thread.sleep(LIFETIME.plusMillis(200).toMillis());

        for (int i = 0; i < CASES.size(); i++) {
            Response expired = Api.withToken(tokens.get(i)).get(CASES.get(i).path());
            assertEquals(401, expired.statusCode(), CASES.get(i) + ": " + expired.asString());
            assertEquals("{\"detail\":\"Invalid token.\"}", expired.asString(), CASES.get(i).toString());
            assertEquals("Token", expired.header("WWW-Authenticate"), CASES.get(i).toString());
        }
    }

    private static String signedUpToken() {
        String username = Api.unique("expiring");
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/register/")
                .then().statusCode(201);
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/token/")
                .then().statusCode(200).extract().path("token");
    }
}
