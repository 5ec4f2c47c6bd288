package dev.portcullis.web;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Security headers on every answer; no cache keeps credentials, errors or anything a caller with credentials was
 * answered, and every API answer says whose it is ({@code Vary}).
 */
@QuarkusTest
class SecurityHeadersTest {

    private static RequestSpecification as(String credentials) {
        return switch (credentials) {
            case "token" -> Api.withToken(Api.token("headers-user"));
            case "session" -> {
                Api.token("headers-browser");  // registers the user
                yield RestAssured.given().cookie("sessionid", Api.browser("headers-browser").session());
            }
            default -> RestAssured.given();
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}, Cache-Control {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET |/api/public/     |anonymous|200|-",
            "GET |/api/public/     |token    |200|no-store",
            "GET |/api/private/    |token    |200|no-store",
            "GET |/api/posts/      |session  |200|no-store",
            "GET |/api/posts/      |anonymous|200|-",
            "GET |/api/data/       |anonymous|401|no-store",
            "GET |/api/nowhere/    |anonymous|404|no-store",
            "POST|/api/token/      |anonymous|400|no-store",
            "GET |/api/auth/csrf/  |anonymous|200|no-store",
            "POST|/api/jwt/verify/ |anonymous|400|no-store",
            "POST|/api/register/   |anonymous|400|no-store",
    })
    void apiAnswers(String method, String path, String credentials, int status, String cacheControl) {
        Response response = as(credentials.strip()).contentType(ContentType.JSON).body("{}")
                .request(method.strip(), path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertSecurityHeaders(response);
        assertEquals(cacheControl, response.header("Cache-Control"));
        assertEquals("Accept, Authorization, Cookie", response.header("Vary"));
    }

    /** The page at {@code /} runs its own files only, under the browsable API's policy. */
    @ParameterizedTest(name = "GET {0}")
    @CsvSource({"/", "/index.html"})
    void thePage(String path) {
        Response response = RestAssured.get(path);
        assertEquals(200, response.statusCode());
        assertSecurityHeaders(response);
        assertEquals(BrowsableApi.CONTENT_SECURITY_POLICY, response.header("Content-Security-Policy"));
        assertEquals(null, response.header("Cache-Control"));
    }

    private static void assertSecurityHeaders(Response response) {
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("same-origin", response.header("Referrer-Policy"));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }
}
