package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A session left unused past the idle timeout ends (its last use is moved back in the database). */
@QuarkusTest
class SessionIdleTimeoutTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSessionUnusedForLongerThanTheIdleTimeoutEnds() throws Exception {
        Api.token("browser-idle");
        Api.Browser me = Api.browser("browser-idle");
        assertEquals(200, RestAssured.given().cookie("sessionid", me.session()).get("/api/me/").statusCode());
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("UPDATE sessions SET last_seen_at = now() - interval '31 minutes' "
                    + "WHERE user_id = (SELECT id FROM users WHERE username = 'browser-idle')");
        }
        assertEquals(401, RestAssured.given().cookie("sessionid", me.session()).get("/api/me/").statusCode(),
                "the test profile's idle timeout is 30 minutes");
    }
}
