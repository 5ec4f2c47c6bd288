package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, obtaining tokens, {@code /api/me/} and the admin endpoints for users and tokens. */
@QuarkusTest
class AccountsTest {

    private static final String BAD_CREDENTIALS = "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}";

    @Test
    void registerThenObtainATokenThenCallAProtectedEndpoint() {
        Response registered = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "newcomer", "password", "s3cret-pass", "email", "new@example.com"))
                .post("/api/register/");
        assertEquals(201, registered.statusCode(), registered.asString());
        assertEquals(List.of("id", "username", "email"), List.copyOf(registered.jsonPath().getMap("$").keySet()));
        assertEquals("newcomer", registered.jsonPath().getString("username"));

        String token = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "newcomer", "password", "s3cret-pass"))
                .post("/api/token/").then().statusCode(200).extract().path("token");
        assertTrue(token.matches("[0-9a-f]{40}"), token);

        Response me = Api.withToken(token).get("/api/me/");
        assertEquals(200, me.statusCode());
        assertEquals(Map.of("id", registered.jsonPath().getInt("id"), "username", "newcomer",
                "email", "new@example.com", "is_staff", false, "email_verified", false,
                "auth", "TokenAuthentication"), me.jsonPath().getMap("$"));
    }

    @ParameterizedTest(name = "register {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"username\": \"root\", \"password\": \"pw-12345\"}|{\"username\":[\"A user with that username already exists.\"]}",
            "{}|{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}",
            "{\"username\": \"\", \"password\": \"\"}|{\"username\":[\"This field may not be blank.\"],\"password\":[\"This field may not be blank.\"]}",
            "{\"username\": \"a b\", \"password\": \"pw-12345\"}|{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.\"]}",
            "{\"username\": \"okname\", \"password\": \"pw-12345\", \"email\": \"nope\"}|{\"email\":[\"Enter a valid email address.\"]}",
            "[]|{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}",
            "{\"username\": \"weakling\", \"password\": \"123\"}|{\"password\":[\"This password is too short. It must contain at least 8 characters.\",\"This password is too common.\",\"This password is entirely numeric.\"]}",
            "{\"username\": \"alice7\", \"password\": \"alice777\"}|{\"password\":[\"The password is too similar to the username.\"]}",
            "{\"username\": \"frank\", \"email\": \"frank@corp.io\", \"password\": \"corp.io.frank\"}|{\"password\":[\"The password is too similar to the email address.\"]}",
            "{\"username\": \"pat\", \"password\": \"password\"}|{\"password\":[\"This password is too common.\"]}",
    })
    void registerRefusesBadInput(String body, String expected) {
        Response response = RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/register/");
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(JsonPath.from(expected).getMap("$"), response.jsonPath().getMap("$"));
    }

    @ParameterizedTest(name = "obtain a token with {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "application/json|{\"username\": \"tokenuser\", \"password\": \"correct-horse-battery\"}|200|-",
            "application/x-www-form-urlencoded|username=tokenuser&password=correct-horse-battery|200|-",
            "application/json|{\"username\": \"tokenuser\", \"password\": \"wrong\"}|400|" + BAD_CREDENTIALS,
            "application/json|{\"username\": \"nobody\", \"password\": \"wrong\"}|400|" + BAD_CREDENTIALS,
            "application/json|{\"username\": \"inactiveuser\", \"password\": \"correct-horse-battery\"}|400|" + BAD_CREDENTIALS,
            "application/json|{}|400|{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}",
            "application/x-www-form-urlencoded|username=tokenuser|400|{\"password\":[\"This field is required.\"]}",
            "text/plain|username=tokenuser|415|{\"detail\":\"Unsupported media type \\\"text/plain; charset=ISO-8859-1\\\" in request.\"}",
            "application/json|{\"username\": |400|-",
    }, nullValues = "-")
    void obtainToken(String contentType, String body, int status, String expected) {
        Api.token("tokenuser");
        Api.token("inactiveuser", false, false, false);
        Response response = RestAssured.given().contentType(contentType).body(body).post("/api/token/");
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 200) {
            assertTrue(response.jsonPath().getString("token").matches("[0-9a-f]{40}"));
        } else if (expected != null) {
            assertEquals(JsonPath.from(expected).getMap("$"), response.jsonPath().getMap("$"));
        } else {
            assertTrue(response.jsonPath().getString("detail").startsWith("JSON parse error - "));
        }
    }

    @Test
    void everyObtainIssuesANewTokenAndEarlierOnesStayValid() {
        Api.token("manyclients");
        String first = Api.token("manyclients", false, false, true);
        String second = Api.token("manyclients", false, false, true);
        assertNotEquals(first, second);
        Api.withToken(first).get("/api/me/").then().statusCode(200);
        Api.withToken(second).get("/api/me/").then().statusCode(200);

        Api.withToken(Api.adminToken()).delete("/api/admin/users/manyclients/token/").then().statusCode(204);
        for (String revoked : List.of(first, second)) {
            Response response = Api.withToken(revoked).get("/api/me/");
            assertEquals(401, response.statusCode());
            assertEquals(Map.of("detail", "Invalid token."), response.jsonPath().getMap("$"));
        }
    }

    @ParameterizedTest(name = "admin: {0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "POST  |/api/admin/users/                |anonymous|401",
            "POST  |/api/admin/users/                |regular  |403",
            "PATCH |/api/admin/users/regular/        |regular  |403",
            "POST  |/api/admin/users/regular/token/  |regular  |403",
            "DELETE|/api/admin/users/regular/token/  |regular  |403",
            "PATCH |/api/admin/users/ghost/          |admin    |404",
            "POST  |/api/admin/users/ghost/token/    |admin    |404",
            "DELETE|/api/admin/users/ghost/token/    |admin    |404",
    })
    void adminEndpointsAreForStaffOnly(String method, String path, String actor, int status) {
        var request = switch (actor) {
            case "anonymous" -> RestAssured.given();
            case "regular" -> Api.withToken(Api.token("regular"));
            default -> Api.withToken(Api.adminToken());
        };
        Response response = request.contentType(ContentType.JSON).body("{}").request(method.strip(), path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(1, response.jsonPath().getMap("$").size());
    }

    @Test
    void adminCreatesChangesAndDeactivatesAUser() {
        String admin = Api.adminToken();
        Response created = Api.withToken(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "managed", "password", "first-password", "email_verified", true))
                .post("/api/admin/users/");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(Map.of("id", created.jsonPath().getInt("id"), "username", "managed", "email", "",
                "is_staff", false, "is_superuser", false, "is_active", true, "email_verified", true),
                created.jsonPath().getMap("$"));

        Response weak = Api.withToken(admin).contentType(ContentType.JSON).body(Map.of("password", "managed1"))
                .patch("/api/admin/users/managed/");
        assertEquals(400, weak.statusCode(), weak.asString());
        assertEquals(Map.of("password", List.of("The password is too similar to the username.")),
                weak.jsonPath().getMap("$"));

        Response changed = Api.withToken(admin).contentType(ContentType.JSON)
                .body(Map.of("is_staff", true, "password", "second-password")).patch("/api/admin/users/managed/");
        assertEquals(200, changed.statusCode());
        assertEquals(true, changed.jsonPath().getBoolean("is_staff"));
        assertEquals(true, changed.jsonPath().getBoolean("email_verified"));

        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "managed", "password", "first-password"))
                .post("/api/token/").then().statusCode(400);
        String token = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "managed", "password", "second-password"))
                .post("/api/token/").then().statusCode(200).extract().path("token");
        Api.withToken(token).get("/api/admin-only/").then().statusCode(200);

        Api.withToken(admin).contentType(ContentType.JSON).body(Map.of("is_active", false))
                .patch("/api/admin/users/managed/").then().statusCode(200);
        Response inactive = Api.withToken(token).get("/api/me/");
        assertEquals(401, inactive.statusCode());
        assertEquals(Map.of("detail", "User inactive or deleted."), inactive.jsonPath().getMap("$"));
    }
}
