package dev.portcullis.web;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A request target in absolute form ({@code GET http://evil.example/api/posts/ HTTP/1.1}) names a host of its
     * own beside the allowed {@code Host}. As in Django, whose {@code get_host()} reads the {@code Host} header, the
     * target's authority is used for nothing: not the login's origin check, not a pagination link, not the
     * browsable page. (Sent over a socket: HTTP clients write origin-form targets only.)
     */
    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "POST | /api/auth/login/      | Origin: http://evil.example | 403 | CSRF Failed: Origin checking failed - http://evil.example does not match any trusted origins.",
            "GET  | /api/posts/?limit=1   | Accept: application/json    | 200 | -",
            "GET  | /api/posts/?limit=1   | Accept: text/html           | 200 | -",
    })
    void theHostOfAnAbsoluteTargetIsNotTheRequestsHost(String method, String path, String header, int status,
                                                       String detail) throws Exception {
        String token = Api.token("absolute-target-user");
        for (int i = 0; i < 2; i++) {  // a page of one with a next link
            Api.withToken(token).contentType("application/json").body(Map.of("title", "t", "published", true))
                    .post("/api/posts/").then().statusCode(201);
        }
        String body = "{\"username\": \"absolute-target-user\", \"password\": \"" + Api.PASSWORD + "\"}";
        String request = method.strip() + " http://evil.example" + path.strip() + " HTTP/1.1\r\n"
                + "Host: localhost:" + RestAssured.port + "\r\n" + header.strip() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (method.strip().equals("POST") ? body.length() : 0)
                + "\r\nConnection: close\r\n\r\n" + (method.strip().equals("POST") ? body : "");
        String response;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        if (detail == null) {
            assertFalse(response.contains("evil.example"), response);
            assertTrue(response.contains("localhost:" + RestAssured.port + "/api/posts/?limit=1&amp;offset=1")
                    || response.contains("localhost:" + RestAssured.port + "/api/posts/?limit=1&offset=1"), response);
        } else {
            assertTrue(response.endsWith("{\"detail\":\"" + detail + "\"}"), response);
            assertFalse(response.contains("sessionid="), response);
        }
    }
}
