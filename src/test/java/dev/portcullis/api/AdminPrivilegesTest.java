package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff manage ordinary users; privileges are a superuser's to give. Each row: who acts (a staff user who is
 * not superuser, or the superuser), on whom (a regular user, another staff user, a superuser, the actor itself),
 * what — and the answer; a refused change leaves the account exactly as it was.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class AdminPrivilegesTest {

    private static final String DENIED = "{\"detail\":\"You do not have permission to perform this action.\"}";

    /** Fresh accounts for one row: the actor and each kind of target, under names of their own. */
    private record Cast(String staff, String otherStaff, String superuser, String regular) {
        static Cast fresh() {
            String run = Api.unique("cast");
            Cast cast = new Cast("staff-" + run, "staff2-" + run, "super-" + run, "regular-" + run);
            create(cast.staff, true, false);
            create(cast.otherStaff, true, false);
            create(cast.superuser, true, true);
            create(cast.regular, false, false);
            return cast;
        }

        String name(String role) {
            return switch (role) {
                case "staff" -> staff;
                case "other-staff" -> otherStaff;
                case "superuser" -> superuser;
                case "regular" -> regular;
                default -> throw new IllegalArgumentException(role);
            };
        }
    }

    private static void create(String username, boolean staff, boolean superuser) {
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD, "is_staff", staff, "is_superuser", superuser))
                .post("/api/admin/users/").then().statusCode(201);
    }

    /** The account as the superuser sees it (an empty PATCH changes nothing and answers the user). */
    private static Map<String, Object> account(String username) {
        return Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body("{}")
                .patch("/api/admin/users/" + username + "/").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static String tokenOf(String username) {
        return Api.withToken(Api.adminToken()).post("/api/admin/users/" + username + "/token/").then().statusCode(200)
                .extract().path("token");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Privileges: only a superuser sets or clears them, on anyone, itself included.
            "staff    |PATCH |staff      |{\"is_superuser\": true}             |403",
            "staff    |PATCH |regular    |{\"is_staff\": true}                 |403",
            "staff    |PATCH |regular    |{\"is_superuser\": true}             |403",
            "staff    |PATCH |other-staff|{\"is_staff\": false}                |403",
            "staff    |PATCH |regular    |{\"is_staff\": false}                |200",
            "superuser|PATCH |regular    |{\"is_staff\": true}                 |200",
            "superuser|PATCH |other-staff|{\"is_superuser\": true}             |200",
            // Password, deactivation and tokens of staff and superuser accounts: a superuser's.
            "staff    |PATCH |other-staff|{\"password\": \"Fresh-pass-2026!\"} |403",
            "staff    |PATCH |superuser  |{\"password\": \"Fresh-pass-2026!\"} |403",
            "staff    |PATCH |staff      |{\"password\": \"Fresh-pass-2026!\"} |403",
            "staff    |PATCH |superuser  |{\"is_active\": false}               |403",
            "staff    |PATCH |other-staff|{\"is_active\": false}               |403",
            "staff    |POST  |superuser  |token                                |403",
            "staff    |POST  |other-staff|token                                |403",
            "staff    |DELETE|superuser  |token                                |403",
            "superuser|PATCH |other-staff|{\"password\": \"Fresh-pass-2026!\"} |200",
            "superuser|PATCH |other-staff|{\"is_active\": false}               |200",
            "superuser|POST  |other-staff|token                                |200",
            "superuser|DELETE|other-staff|token                                |204",
            // Ordinary users are staff's to manage.
            "staff    |PATCH |regular    |{\"password\": \"Fresh-pass-2026!\"} |200",
            "staff    |PATCH |regular    |{\"is_active\": false}               |200",
            "staff    |PATCH |other-staff|{\"email_verified\": true}           |200",
            "staff    |POST  |regular    |token                                |200",
            "staff    |DELETE|regular    |token                                |204",
            // Deleting an account: a staff or superuser one is a superuser's.
            "staff    |DELETE|other-staff|user                                 |403",
            "staff    |DELETE|superuser  |user                                 |403",
            "staff    |DELETE|staff      |user                                 |403",
            "superuser|DELETE|other-staff|user                                 |204",
            "staff    |DELETE|regular    |user                                 |204",
    })
    void privilegesAreASuperusersToGive(String actor, String method, String target, String change, int status) {
        Cast cast = Cast.fresh();
        String actorToken = tokenOf(cast.name(actor));
        String targetName = cast.name(target);
        String targetToken = tokenOf(targetName);
        Map<String, Object> before = account(targetName);

        boolean tokens = change.equals("token");
        boolean deletion = change.equals("user");
        String path = "/api/admin/users/" + targetName + "/" + (tokens ? "token/" : "");
        var request = Api.withToken(actorToken).contentType(ContentType.JSON);
        Response response = tokens || deletion ? request.request(method, path) : request.body(change).request(method, path);

        assertEquals(status, response.statusCode(), response.asString());
        if (status != 204) {
            assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        }
        if (status == 403) {
            assertEquals(JsonPath.from(DENIED).getMap("$"), response.jsonPath().getMap("$"));
            assertEquals(before, account(targetName), "a refused change changes nothing");
            Api.withToken(targetToken).get("/api/me/").then().statusCode(before.get("is_active").equals(true) ? 200 : 401);
        } else if (deletion) {
            assertEquals("", response.asString());
            Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body("{}").patch("/api/admin/users/" + targetName + "/")
                    .then().statusCode(404);
            Response refused = Api.withToken(targetToken).get("/api/me/");
            assertEquals(401, refused.statusCode());
            assertEquals(Map.of("detail", "Invalid token."), refused.jsonPath().getMap("$"));
        } else if (!tokens) {
            Map<String, Object> changed = JsonPath.from(change).getMap("$");
            Map<String, Object> after = account(targetName);
            changed.forEach((field, value) -> {
                if (!field.equals("password")) {
                    assertEquals(value, after.get(field), field);
                }
            });
            assertEquals(after, response.jsonPath().getMap("$"));
        }
    }

    @ParameterizedTest(name = "{0} creates {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "staff    |{\"is_staff\": true}                           |403",
            "staff    |{\"is_superuser\": true}                       |403",
            "staff    |{\"is_staff\": true, \"is_superuser\": true}   |403",
            "staff    |{\"email_verified\": true}                     |201",
            "superuser|{\"is_staff\": true, \"is_superuser\": true}   |201",
    })
    void onlyASuperuserCreatesPrivilegedAccounts(String actor, String flags, int status) {
        Cast cast = Cast.fresh();
        String username = Api.unique("made");
        Map<String, Object> body = new java.util.HashMap<>(JsonPath.from(flags).getMap("$"));
        body.put("username", username);
        body.put("password", Api.PASSWORD);
        Response response = Api.withToken(tokenOf(cast.name(actor))).contentType(ContentType.JSON).body(body)
                .post("/api/admin/users/");
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 403) {
            assertEquals(JsonPath.from(DENIED).getMap("$"), response.jsonPath().getMap("$"));
            Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body("{}")
                    .patch("/api/admin/users/" + username + "/").then().statusCode(404);
        } else {
            JsonPath.from(flags).<String, Object>getMap("$").forEach((field, value) ->
                    assertEquals(value, response.jsonPath().get(field), field));
        }
    }

    @ParameterizedTest(name = "admin creates {0} with password {1}")
    @CsvSource(delimiter = '|', value = {
            "weakling |123             |{\"password\":[\"This password is too short. It must contain at least 8 characters.\",\"This password is too common.\",\"This password is entirely numeric.\"]}",
            "alice7   |alice777        |{\"password\":[\"The password is too similar to the username.\"]}",
            "pat      |password        |{\"password\":[\"This password is too common.\"]}",
    })
    void adminCreatedUsersPassDjangosPasswordValidators(String username, String password, String expected) {
        // A suffix of letters found in none of the passwords, so that only the similarity meant is there.
        String unique = username + "-" + new java.util.Random().ints(6, 0, 12).mapToObj(i -> "fghjkmnquvxz".substring(i, i + 1))
                .collect(java.util.stream.Collectors.joining());
        Response response = Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", unique, "password", password.equals("alice777") ? unique + "7" : password))
                .post("/api/admin/users/");
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(JsonPath.from(expected).getMap("$"), response.jsonPath().getMap("$"));
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body("{}")
                .patch("/api/admin/users/" + unique + "/").then().statusCode(404);
    }
}
