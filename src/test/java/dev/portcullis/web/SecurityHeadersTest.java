package dev.portcullis.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Security headers on every answer; no caching of credentials or errors. */
@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest(name = "{0} {1} -> {2}, Cache-Control {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET |/api/public/     |200|-",
            "GET |/                |200|-",
            "GET |/api/data/       |401|no-store",
            "GET |/api/nowhere/    |404|no-store",
            "POST|/api/token/      |400|no-store",
            "GET |/api/auth/csrf/  |200|no-store",
            "POST|/api/jwt/verify/ |400|no-store",
            "POST|/api/register/   |400|no-store",
    })
    void headers(String method, String path, int status, String cacheControl) {
        Response response = RestAssured.given().contentType(ContentType.JSON).body("{}")
                .request(method.strip(), path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("same-origin", response.header("Referrer-Policy"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals(cacheControl, response.header("Cache-Control"));
    }
}
