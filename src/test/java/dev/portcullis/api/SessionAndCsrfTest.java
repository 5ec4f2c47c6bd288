package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browser clients: session login, Django's CSRF rules exactly where DRF applies them, cookie flags, logout. */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class SessionAndCsrfTest {

    private static final String MISSING = "CSRF Failed: CSRF token missing or incorrect.";
    private static final String NO_COOKIE = "CSRF Failed: CSRF cookie not set.";

    private static Api.Browser login(String username) {
        Api.token(username);
        return Api.browser(username);
    }

    @Test
    void loginSetsAnHttpOnlySessionCookieAndAReadableCsrfCookie() {
        Api.token("browser-flags");
        Response response = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "browser-flags", "password", Api.PASSWORD)).post("/api/auth/login/");
        Cookie session = response.getDetailedCookie("sessionid");
        Cookie csrf = response.getDetailedCookie("csrftoken");
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertEquals("/", session.getPath());
        assertTrue(session.getMaxAge() > 0);
        assertTrue(!csrf.isHttpOnly() && "Lax".equals(csrf.getSameSite()));
        assertTrue(session.getValue().matches("[0-9a-f]{64}") && csrf.getValue().matches("[0-9a-f]{32}"));
        Api.Browser again = login("browser-flags");
        assertNotEquals(csrf.getValue(), again.csrf(), "the CSRF token rotates at login");
    }

    /**
     * Unsafe requests of a logged-in browser, on its own posts ({@code {post}}: a new one for each row). Credentials:
     * the session alone, or a Token or JWT as well — then that class authenticates first and no CSRF check applies,
     * as in DRF. Cookie and header: {@code own} (this session's token), {@code other} (another session's),
     * {@code wrong}, {@code none}. A refused write leaves the post as it was.
     */
    @ParameterizedTest(name = "{0} {1} as {2} cookie={3} header={4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "POST  |/api/posts/          |session      |own  |own  |201|-",
            "POST  |/api/posts/          |session      |own  |none |403|" + MISSING,
            "POST  |/api/posts/          |session      |own  |wrong|403|" + MISSING,
            "POST  |/api/posts/          |session      |none |own  |403|" + NO_COOKIE,
            "POST  |/api/posts/          |session      |other|other|403|" + MISSING,
            "POST  |/api/posts/          |session      |own  |other|403|" + MISSING,
            "PUT   |/api/posts/{post}/   |session      |own  |own  |200|-",
            "PUT   |/api/posts/{post}/   |session      |own  |none |403|" + MISSING,
            "PUT   |/api/posts/{post}/   |session      |none |own  |403|" + NO_COOKIE,
            "PATCH |/api/posts/{post}/   |session      |own  |own  |200|-",
            "PATCH |/api/posts/{post}/   |session      |own  |wrong|403|" + MISSING,
            "PATCH |/api/posts/{post}/   |session      |other|other|403|" + MISSING,
            "DELETE|/api/posts/{post}/   |session      |own  |own  |204|-",
            "DELETE|/api/posts/{post}/   |session      |own  |none |403|" + MISSING,
            "DELETE|/api/posts/{post}/   |session      |own  |other|403|" + MISSING,
            "POST  |/api/posts/          |session+token|none |none |201|-",
            "PUT   |/api/posts/{post}/   |session+token|own  |wrong|200|-",
            "PATCH |/api/posts/{post}/   |session+token|none |none |200|-",
            "DELETE|/api/posts/{post}/   |session+token|none |none |204|-",
            "POST  |/api/posts/          |session+jwt  |none |none |201|-",
            "PUT   |/api/posts/{post}/   |session+jwt  |none |none |200|-",
            "PATCH |/api/posts/{post}/   |session+jwt  |other|other|200|-",
            "DELETE|/api/posts/{post}/   |session+jwt  |none |none |204|-",
            "GET   |/api/posts/          |session      |none |none |200|-",
            "GET   |/api/me/             |session      |none |none |200|-",
            "POST  |/api/webhook/        |session      |none |none |200|-",
            "POST  |/api/probe/readonly/ |session      |none |none |403|" + NO_COOKIE,
            "POST  |/api/probe/readonly/ |session      |own  |own  |200|-",
    })
    void csrfForRequestsCarryingASession(String method, String path, String credentials, String cookie,
                                          String header, int status, String detail) {
        String token = Api.token("browser-user");
        Api.Browser me = Api.browser("browser-user");
        Api.Browser other = login("browser-peer");
        int post = Api.post(token, "the browser's own", false);
        RequestSpecification request = RestAssured.given().cookie("sessionid", me.session())
                .contentType(ContentType.JSON).body(Map.of("title", "from the browser"));
        switch (credentials.strip()) {
            case "session+token" -> request.header("Authorization", "Token " + token);
            case "session+jwt" -> request.header("Authorization", "Bearer " + RestAssured.given()
                    .contentType(ContentType.JSON).body(Map.of("username", "browser-user", "password", Api.PASSWORD))
                    .post("/api/jwt/create/").then().statusCode(200).extract().path("access"));
            default -> { }
        }
        String cookieValue = switch (cookie.strip()) {
            case "own" -> me.csrf();
            case "other" -> other.csrf();
            default -> null;
        };
        if (cookieValue != null) {
            request.cookie("csrftoken", cookieValue);
        }
        switch (header.strip()) {
            case "own" -> request.header("X-CSRFToken", me.csrf());
            case "other" -> request.header("X-CSRFToken", other.csrf());
            case "wrong" -> request.header("X-CSRFToken", "0".repeat(32));
            default -> { }
        }
        Response response = request.request(method.strip(), path.strip().replace("{post}", String.valueOf(post)));
        assertEquals(status, response.statusCode(), response.asString());
        if (detail != null) {
            assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
            assertNull(response.header("WWW-Authenticate"));
            Api.withToken(token).get("/api/posts/" + post + "/").then().statusCode(200)
                    .body("title", org.hamcrest.Matchers.equalTo("the browser's own"))
                    .body("published", org.hamcrest.Matchers.equalTo(false));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "anonymous POST with a stale csrftoken cookie|401|Authentication credentials were not provided.",
            "token-authenticated POST needs no CSRF|201|-",
    }, nullValues = "-")
    void csrfIsOnlyForSessions(String name, int status, String detail) {
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON).body(Map.of("title", "t"))
                .cookie("csrftoken", "stale");
        if (status == 201) {
            request.header("Authorization", "Token " + Api.token("browser-api"));
        }
        Response response = request.post("/api/posts/");
        assertEquals(status, response.statusCode(), response.asString());
        if (detail != null) {
            assertEquals(detail, response.jsonPath().getString("detail"));
        }
    }

    @Test
    void meNamesTheSessionAndLogoutEndsIt() {
        Api.Browser me = login("browser-leaver");
        Response who = RestAssured.given().cookie("sessionid", me.session()).get("/api/me/");
        assertEquals("SessionAuthentication", who.jsonPath().getString("auth"));

        Response refused = RestAssured.given().cookie("sessionid", me.session()).post("/api/auth/logout/");
        assertEquals(403, refused.statusCode(), "a session-authenticated logout needs its CSRF token");

        Response out = RestAssured.given().cookie("sessionid", me.session()).cookie("csrftoken", me.csrf())
                .header("X-CSRFToken", me.csrf()).post("/api/auth/logout/");
        assertEquals(200, out.statusCode());
        assertEquals(Map.of(), out.jsonPath().getMap("$"));
        assertEquals(0, out.getDetailedCookie("sessionid").getMaxAge());

        Response after = RestAssured.given().cookie("sessionid", me.session()).get("/api/me/");
        assertEquals(401, after.statusCode(), "the session no longer exists: the request is anonymous");
    }

    @Test
    void sessionFirstEndpointsAnswer403WithoutWwwAuthenticate() {
        Response anonymous = RestAssured.get("/api/probe/session-first/");
        assertEquals(403, anonymous.statusCode());
        assertEquals(Map.of("detail", "Authentication credentials were not provided."), anonymous.jsonPath().getMap("$"));
        assertNull(anonymous.header("WWW-Authenticate"));
        Api.Browser me = login("browser-probe");
        Response allowed = RestAssured.given().cookie("sessionid", me.session()).get("/api/probe/session-first/");
        assertEquals(Map.of("probe", "session-first", "user", "browser-probe"), allowed.jsonPath().getMap("$"));
    }

    @Test
    void csrfEndpointGivesTheSessionsTokenAndDeactivationEndsTheSession() {
        Api.Browser me = login("browser-csrf");
        Response token = RestAssured.given().cookie("sessionid", me.session()).get("/api/auth/csrf/");
        assertEquals(Map.of("csrfToken", me.csrf()), token.jsonPath().getMap("$"));
        assertEquals(me.csrf(), token.getCookie("csrftoken"));
        Response fresh = RestAssured.get("/api/auth/csrf/");
        assertTrue(fresh.jsonPath().getString("csrfToken").matches("[0-9a-f]{32}"));

        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("is_active", false))
                .patch("/api/admin/users/browser-csrf/").then().statusCode(200);
        assertEquals(401, RestAssured.given().cookie("sessionid", me.session()).get("/api/me/").statusCode());
    }

    @Test
    void badLoginIsDrfsValidationError() {
        Response response = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "browser-user", "password", "wrong")).post("/api/auth/login/");
        assertEquals(400, response.statusCode());
        assertEquals(Map.of("non_field_errors", java.util.List.of("Unable to log in with provided credentials.")),
                response.jsonPath().getMap("$"));
        assertNull(response.getCookie("sessionid"));
    }
}
