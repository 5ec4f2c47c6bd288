package dev.portcullis.web;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Django's {@code ALLOWED_HOSTS}, as tests configure it ({@code .localhost}, {@code 127.0.0.1}, {@code [::1]}):
 * a request for any other host is refused with Django's words before authentication, permissions or the view, so
 * that nothing — a pagination link, the browsable page, the login's origin check — is built from it.
 */
@QuarkusTest
class AllowedHostsTest {

    @ParameterizedTest(name = "Host: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "localhost:8000          | 200 | -",
            "127.0.0.1:8000          | 200 | -",
            "[::1]:8000              | 200 | -",
            "localhost               | 200 | -",
            "LOCALHOST:8000          | 200 | -",
            "localhost.:8000         | 200 | -",
            "api.localhost:8000      | 200 | -",
            "evil.example            | 400 | Invalid HTTP_HOST header: 'evil.example'.",
            "evil.example:8000       | 400 | Invalid HTTP_HOST header: 'evil.example:8000'.",
            "localhost.evil.example  | 400 | Invalid HTTP_HOST header: 'localhost.evil.example'.",
            "evillocalhost           | 400 | Invalid HTTP_HOST header: 'evillocalhost'.",
            "127.0.0.2               | 400 | Invalid HTTP_HOST header: '127.0.0.2'.",
            "localhost:80x           | 400 | Invalid HTTP_HOST header: 'localhost:80x'.",
            "local_host              | 400 | Invalid HTTP_HOST header: 'local_host'.",
    })
    void onlyTheAllowedHostsAreServed(String host, int status, String detail) {
        Response response = RestAssured.given().header("Host", host).get("/api/public/");
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 400) {
            assertEquals("application/json", response.contentType(), response.asString());
            assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
            assertEquals("no-store", response.header("Cache-Control"));
            assertEquals(36, response.header("X-Request-Id").length(), "the refusal carries its request id");
        }
    }

    /** Before anything else: no 401 or 403, no login, no link with the host in it. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET  | /api/private/",
            "GET  | /api/documents/?limit=1",
            "POST | /api/auth/login/",
            "POST | /api/token/",
            "GET  | /",
            "GET  | /q/health/ready",
            "GET  | /no/such/page/",
    })
    void theRefusalComesFirst(String method, String path) {
        Response response = Api.withToken(Api.adminToken()).header("Host", "evil.example")
                .header("Origin", "http://evil.example").contentType("application/json")
                .body(Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD)).request(method, path);
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(Map.of("detail", "Invalid HTTP_HOST header: 'evil.example'."), response.jsonPath().getMap("$"));
        assertNull(response.header("Set-Cookie"));
    }
}
