package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Accounts that cannot be confused or hijacked: usernames compared after NFKC normalisation, sessions that end
 * with a password change, and a login form that another site cannot post.
 */
@QuarkusTest
class AccountSecurityTest {

    private static final String TAKEN = "{\"username\":[\"A user with that username already exists.\"]}";

    /** Look-alikes of an existing name are the same name (the test profile's superuser is {@code root}). */
    @ParameterizedTest(name = "{0} {1}, a look-alike of {2}")
    @CsvSource(delimiter = '|', value = {
            "register      |ｒｏｏｔ  |root",
            "register      |ʳᵒᵒᵗ    |root",
            "admin create  |ｒｏｏｔ  |root",
            "admin create  |ℝ𝕠𝕠𝕥   |Root",
    })
    void aLookAlikeOfATakenUsernameIsTaken(String how, String lookAlike, String taken) {
        if (!taken.equals(Api.ADMIN)) {  // the bootstrap superuser exists already
            Api.token(taken);
        }
        var request = how.equals("register") ? RestAssured.given() : Api.withToken(Api.adminToken());
        Response response = request.contentType(ContentType.JSON)
                .body(Map.of("username", lookAlike, "password", "Unrelated-pass-77"))
                .post(how.equals("register") ? "/api/register/" : "/api/admin/users/");
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(JsonPath.from(TAKEN).getMap("$"), response.jsonPath().getMap("$"));
    }

    @ParameterizedTest(name = "a name registered as {0} is stored as {1} and signs in as {2}")
    @CsvSource(delimiter = '|', value = {
            "ﬁnn-{id}      |finn-{id}   |ﬁnn-{id}",
            "ｍａｒｙ-{id}   |mary-{id}   |mary-{id}",
            "lee-{id}      |lee-{id}    |ｌｅｅ-{id}",
    })
    void usernamesAreStoredAndComparedNormalised(String registered, String stored, String signsInAs) {
        String id = UUID.randomUUID().toString().substring(0, 6);
        Response created = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", registered.replace("{id}", id), "password", "Unrelated-pass-77"))
                .post("/api/register/");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(stored.replace("{id}", id), created.jsonPath().getString("username"));
        for (String endpoint : new String[]{"/api/token/", "/api/jwt/create/", "/api/auth/login/"}) {
            RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("username", signsInAs.replace("{id}", id), "password", "Unrelated-pass-77"))
                    .post(endpoint).then().statusCode(200);
        }
    }

    private static String sessionOf(String username) {
        return Api.browser(username).session();
    }

    private static int meWithSession(String session) {
        return RestAssured.given().cookie("sessionid", session).get("/api/me/").statusCode();
    }

    @Test
    void aPasswordChangeEndsEverySessionOfTheUserButNotTheirTokens() {
        String username = Api.unique("sessions");
        String token = Api.token(username, false, false, true);
        String laptop = sessionOf(username);
        String phone = sessionOf(username);
        Api.token("session-bystander");
        String bystander = sessionOf("session-bystander");
        assertEquals(200, meWithSession(laptop));
        assertEquals(200, meWithSession(phone));

        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("password", "Brand-new-pass-31"))
                .patch("/api/admin/users/" + username + "/").then().statusCode(200);

        for (String ended : new String[]{laptop, phone}) {
            Response response = RestAssured.given().cookie("sessionid", ended).get("/api/me/");
            assertEquals(401, response.statusCode());
            assertEquals(Map.of("detail", "Authentication credentials were not provided."), response.jsonPath().getMap("$"));
            assertEquals("Token", response.header("WWW-Authenticate"));
        }
        assertEquals(200, meWithSession(bystander), "other users' sessions go on");
        Api.withToken(token).get("/api/me/").then().statusCode(200);
    }

    /**
     * Login CSRF: {@code POST /api/auth/login/} from a page of another site is refused, with Django's words; the
     * service's own origin, the trusted origins of the test profile ({@code https://app.example.test} and
     * {@code https://*.trusted.test}) and clients that send no {@code Origin} sign in.
     */
    @ParameterizedTest(name = "login with Origin {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "https://evil.example           |403",
            "null                           |403",
            "http://app.example.test        |403",
            "https://trusted.test.evil.example|403",
            "https://eviltrusted.test       |403",
            "own                            |200",
            "-                              |200",
            "https://app.example.test       |200",
            "https://api.trusted.test       |200",
            "https://trusted.test           |200",
    })
    void theLoginFormCannotBePostedFromAnotherSite(String origin, int status) {
        Api.token("origin-user");
        var request = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "origin-user", "password", Api.PASSWORD));
        String sent = "own".equals(origin) ? "http://localhost:" + RestAssured.port : origin;
        if (sent != null) {
            request.header("Origin", sent);
        }
        Response response = request.post("/api/auth/login/");
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 403) {
            assertEquals(Map.of("detail", "CSRF Failed: Origin checking failed - " + sent
                    + " does not match any trusted origins."), response.jsonPath().getMap("$"));
            assertNull(response.getCookie("sessionid"));
        } else {
            assertNotNull(response.getCookie("sessionid"));
        }
    }

    @Test
    void aSessionRequestFromAnotherSiteIsRefusedEvenWithItsToken() {
        Api.token("origin-browser");
        Api.Browser browser = Api.browser("origin-browser");
        String session = browser.session();
        String csrf = browser.csrf();
        Response refused = RestAssured.given().cookie("sessionid", session).cookie("csrftoken", csrf)
                .header("X-CSRFToken", csrf).header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("title", "forged")).post("/api/posts/");
        assertEquals(403, refused.statusCode());
        assertEquals(Map.of("detail", "CSRF Failed: Origin checking failed - https://evil.example does not match any "
                + "trusted origins."), refused.jsonPath().getMap("$"));
        RestAssured.given().cookie("sessionid", session).cookie("csrftoken", csrf).header("X-CSRFToken", csrf)
                .header("Origin", "http://localhost:" + RestAssured.port).contentType(ContentType.JSON)
                .body(Map.of("title", "same origin")).post("/api/posts/").then().statusCode(201);
    }
}
