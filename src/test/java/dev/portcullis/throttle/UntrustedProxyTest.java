package dev.portcullis.throttle;

import dev.portcullis.deploy.ManagementInterfaceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Forwarded headers from a peer that is not a configured proxy are ignored: a client cannot pick the address
 * the login rate counts (and so neither dodge it nor aim it at someone else). The proxy of the production profile
 * is at 192.0.2.10, and its login rate is 3 a minute.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Production.class)
class UntrustedProxyTest {

    @Test
    void anAddressSentByTheClientIsNotBelieved() {
        for (int i = 0; i < 3; i++) {
            Response response = RestAssured.given().header("X-Forwarded-For", "10.11.0." + i)
                    .contentType(ContentType.JSON).body(Map.of("username", "spread-" + i, "password", "guess"))
                    .post("/api/token/");
            assertEquals(400, response.statusCode(), response.asString());
        }
        Response fourth = RestAssured.given().header("X-Forwarded-For", "10.11.0.99").contentType(ContentType.JSON)
                .body(Map.of("username", "spread-99", "password", "guess")).post("/api/token/");
        assertEquals(429, fourth.statusCode(), fourth.asString());
        assertEquals(List.of("detail"), List.copyOf(fourth.jsonPath().getMap("$").keySet()));
    }
}
