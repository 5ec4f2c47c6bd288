package dev.portcullis.throttle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
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
 * the login rate counts (and so neither dodge it nor aim it at someone else).
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.ProxyElsewhere.class)
class UntrustedProxyTest {

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.throttle.login.rate", "3/m",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.10");
        }
    }

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
