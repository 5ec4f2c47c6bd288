package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sign-in is a device its user can list and sign out: an opaque token, a JWT refresh family (its rotations stay
 * one device) and a login session; signing out one, or all, refuses its credentials at once.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class DevicesTest {

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z";
    private static final Map<String, Object> NOT_FOUND = Map.of("detail", "Not found.");

    /** One user signed in three ways, each a device of its own. */
    private record SignedIn(String username, String token, String access, String refresh, String session, String csrf) {

        static SignedIn as(String username) {
            Api.token(username, false, false, true);
            String token = RestAssured.given().contentType(ContentType.JSON).header("User-Agent", "curl/8.5")
                    .body(Map.of("username", username, "password", Api.PASSWORD, "device", "build server"))
                    .post("/api/token/").then().statusCode(200).extract().path("token");
            Response pair = RestAssured.given().contentType(ContentType.JSON).header("User-Agent", "PortcullisApp/2.1 (iPhone)")
                    .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/jwt/create/");
            assertEquals(200, pair.statusCode(), pair.asString());
            Response login = RestAssured.given().contentType(ContentType.JSON).header("User-Agent", "Firefox/146.0")
                    .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/auth/login/");
            assertEquals(200, login.statusCode(), login.asString());
            return new SignedIn(username, token, pair.path("access"), pair.path("refresh"),
                    login.getCookie("sessionid"), login.getCookie("csrftoken"));
        }

        RequestSpecification viaToken() {
            return RestAssured.given().header("Authorization", "Token " + token);
        }

        RequestSpecification viaJwt() {
            return RestAssured.given().header("Authorization", "Bearer " + access);
        }

        RequestSpecification viaSession() {
            return RestAssured.given().cookie("sessionid", session).cookie("csrftoken", csrf).header("X-CSRFToken", csrf);
        }

        RequestSpecification via(String kind) {
            return switch (kind) {
                case "token" -> viaToken();
                case "jwt" -> viaJwt();
                case "session" -> viaSession();
                default -> throw new IllegalArgumentException(kind);
            };
        }

        List<Map<String, Object>> devices(String kind) {
            Response listed = via(kind).get("/api/auth/devices/");
            assertEquals(200, listed.statusCode(), listed.asString());
            assertEquals("application/json", listed.contentType().split(";")[0]);
            return listed.jsonPath().getList("$");
        }

        long idOf(String kind) {
            return devices("token").stream().filter(device -> device.get("kind").equals(kind)
                            && !device.get("name").equals(AdminUserResource.ISSUED_BY_ADMINISTRATOR))
                    .map(device -> ((Number) device.get("id")).longValue()).findFirst().orElseThrow();
        }
    }

    @ParameterizedTest(name = "listed through {0}")
    @CsvSource({"token", "jwt", "session"})
    void everySignInIsADeviceAndTheRequestsOwnIsCurrent(String kind) {
        SignedIn user = SignedIn.as(Api.unique("devices"));
        List<Map<String, Object>> devices = user.devices(kind);

        assertEquals(List.of("token", "token", "jwt", "session"), devices.stream().map(d -> d.get("kind")).toList());
        assertEquals(List.of(AdminUserResource.ISSUED_BY_ADMINISTRATOR, "build server", "PortcullisApp/2.1 (iPhone)",
                "Firefox/146.0"), devices.stream().map(d -> d.get("name")).toList());
        assertEquals(List.of(false, kind.equals("token"), kind.equals("jwt"), kind.equals("session")),
                devices.stream().map(d -> d.get("current")).toList());
        for (Map<String, Object> device : devices) {
            assertEquals(List.of("id", "kind", "name", "created_at", "last_used_at", "current"), List.copyOf(device.keySet()));
            assertTrue(((String) device.get("created_at")).matches(TIME), device.toString());
            assertTrue(((String) device.get("last_used_at")).matches(TIME), device.toString());
        }
    }

    @Test
    void aRefreshFamilyStaysOneDeviceThroughItsRotations() {
        SignedIn user = SignedIn.as(Api.unique("devices-rotate"));
        long device = user.idOf("jwt");
        String refresh = user.refresh();
        for (int rotation = 0; rotation < 2; rotation++) {
            refresh = RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh", refresh))
                    .post("/api/jwt/refresh/").then().statusCode(200).extract().path("refresh");
        }
        List<Map<String, Object>> jwts = user.devices("token").stream().filter(d -> d.get("kind").equals("jwt")).toList();
        assertEquals(1, jwts.size(), jwts.toString());
        assertEquals(device, ((Number) jwts.get(0).get("id")).longValue());
    }

    /**
     * Each kind of device signed out through another: its credential is refused with what its class says of a
     * credential that is no longer valid, and the device leaves the list; the others keep working.
     */
    @ParameterizedTest(name = "{0} signed out")
    @CsvSource(delimiter = '|', value = {
            "token  |401|{\"detail\":\"Invalid token.\"}",
            "jwt    |401|{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is blacklisted\"}]}",
            "session|401|{\"detail\":\"Authentication credentials were not provided.\"}",
    })
    void aDeviceSignedOutIsRefusedAtOnce(String kind, int status, String body) {
        SignedIn user = SignedIn.as(Api.unique("devices-out"));
        assertEquals(200, user.via(kind).get("/api/me/").statusCode(), "works before (and is cached)");
        String other = kind.equals("token") ? "jwt" : "token";

        Response signedOut = user.via(other).delete("/api/auth/devices/" + user.idOf(kind) + "/");
        assertEquals(204, signedOut.statusCode(), signedOut.asString());
        assertEquals("", signedOut.asString());

        Response refused = user.via(kind).get("/api/me/");
        assertEquals(status, refused.statusCode());
        assertEquals(body, refused.asString());
        assertEquals("Token", refused.header("WWW-Authenticate"));
        assertTrue(user.devices(other).stream().noneMatch(d -> d.get("kind").equals(kind)
                && !d.get("name").equals(AdminUserResource.ISSUED_BY_ADMINISTRATOR)));
        assertEquals(200, user.via(other).get("/api/me/").statusCode());
    }

    @Test
    void aSignedOutFamilysRefreshTokenIsBlacklisted() {
        SignedIn user = SignedIn.as(Api.unique("devices-refresh"));
        user.viaToken().delete("/api/auth/devices/" + user.idOf("jwt") + "/").then().statusCode(204);
        Response refused = RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh", user.refresh()))
                .post("/api/jwt/refresh/");
        assertEquals(401, refused.statusCode());
        assertEquals("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", refused.asString());
        Response verified = RestAssured.given().contentType(ContentType.JSON).body(Map.of("token", user.access()))
                .post("/api/jwt/verify/");
        assertEquals(400, verified.statusCode());
        assertEquals("{\"non_field_errors\":[\"Token is blacklisted\"]}", verified.asString());
    }

    /** Logout-all through each kind: every credential of the user is refused, the one it came through too. */
    @ParameterizedTest(name = "through {0}")
    @CsvSource({"token", "jwt", "session"})
    void logoutAllSignsOutEveryDeviceThisOneIncluded(String kind) {
        SignedIn user = SignedIn.as(Api.unique("devices-all"));
        Response out = user.via(kind).post("/api/auth/logout-all/");
        assertEquals(204, out.statusCode(), out.asString());
        assertEquals("", out.asString());

        for (String credential : List.of("token", "jwt", "session")) {
            assertEquals(401, user.via(credential).get("/api/me/").statusCode(), credential);
        }
        assertEquals(401, RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh", user.refresh()))
                .post("/api/jwt/refresh/").statusCode());
        SignedIn again = SignedIn.as(user.username());
        assertEquals(4, again.devices("jwt").size(), "a new sign-in after it is a device again");
    }

    /** Someone else's device is not found, as an unknown one: its existence is not given away. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"another user's", "unknown", "not a number"})
    void aDeviceThatIsNotTheCallersIsNotFound(String which) {
        SignedIn owner = SignedIn.as(Api.unique("devices-owner"));
        SignedIn stranger = SignedIn.as(Api.unique("devices-stranger"));
        String id = switch (which) {
            case "another user's" -> Long.toString(owner.idOf("token"));
            case "unknown" -> "999999999999";
            default -> "abc";
        };
        Response refused = stranger.viaToken().delete("/api/auth/devices/" + id + "/");
        assertEquals(404, refused.statusCode());
        assertEquals(NOT_FOUND, refused.jsonPath().getMap("$"));
        assertEquals(200, owner.viaToken().get("/api/me/").statusCode());
    }

    @Test
    void anAnonymousCallerHasNoDevices() {
        for (Function<RequestSpecification, Response> call : List.<Function<RequestSpecification, Response>>of(
                r -> r.get("/api/auth/devices/"), r -> r.delete("/api/auth/devices/1/"), r -> r.post("/api/auth/logout-all/"))) {
            Response refused = call.apply(RestAssured.given());
            assertEquals(401, refused.statusCode());
            assertEquals("{\"detail\":\"Authentication credentials were not provided.\"}", refused.asString());
            assertEquals("Token", refused.header("WWW-Authenticate"));
        }
    }

    /** A device's name: the body's, validated as a field; else the User-Agent, cut at 100 characters. */
    @ParameterizedTest(name = "device={0}, User-Agent of {1} characters")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-      |150|200|",
            "-      |0  |200|",
            "' '    |30 |200|",
            "phone  |30 |200|phone",
            "LONG   |30 |400|{\"device\":[\"Ensure this field has no more than 100 characters.\"]}",
            "NUMBER |30 |400|{\"device\":[\"Not a valid string.\"]}",
    })
    void aDeviceIsNamedByTheBodyOrTheUserAgent(String device, int userAgentLength, int status, String expected) {
        String username = Api.unique("devices-name");
        String token = Api.token(username, false, false, true);
        String userAgent = "a".repeat(userAgentLength);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", Api.PASSWORD));
        if (device != null) {
            body.put("device", switch (device) {
                case "LONG" -> "x".repeat(101);
                case "NUMBER" -> List.of(1);
                default -> device;
            });
        }
        Response answer = RestAssured.given().contentType(ContentType.JSON).header("User-Agent", userAgent).body(body)
                .post("/api/token/");
        assertEquals(status, answer.statusCode(), answer.asString());
        if (status == 400) {
            assertEquals(expected, answer.asString());
            return;
        }
        String name = (String) Api.withToken(token).get("/api/auth/devices/").jsonPath().getList("name").get(1);
        String expectedName = expected != null ? expected : device != null ? "" : userAgent.substring(0, Math.min(100, userAgentLength));
        assertEquals(expectedName, name);
    }

    /** An administrator sees and signs out a user's devices; the account-privilege rules apply as for tokens. */
    @Test
    void anAdministratorListsAndSignsOutAUsersDevices() {
        SignedIn user = SignedIn.as(Api.unique("devices-admin"));
        String admin = Api.adminToken();
        Response listed = Api.withToken(admin).get("/api/admin/users/" + user.username() + "/devices/");
        assertEquals(200, listed.statusCode(), listed.asString());
        assertEquals(List.of("token", "token", "jwt", "session"), listed.jsonPath().getList("kind"));
        assertEquals(List.of(false, false, false, false), listed.jsonPath().getList("current"));

        Api.withToken(admin).delete("/api/admin/users/" + user.username() + "/devices/" + user.idOf("session") + "/")
                .then().statusCode(204);
        assertEquals(401, user.viaSession().get("/api/me/").statusCode());
        Api.withToken(admin).post("/api/admin/users/" + user.username() + "/logout-all/").then().statusCode(204);
        assertEquals(401, user.viaToken().get("/api/me/").statusCode());
        assertEquals(List.of(), Api.withToken(admin).get("/api/admin/users/" + user.username() + "/devices/")
                .jsonPath().getList("$"));

        String staff = Api.token(Api.unique("devices-staff"), true, false, true);
        Response ofAdmin = Api.withToken(staff).get("/api/admin/users/" + Api.ADMIN + "/devices/");
        assertEquals(403, ofAdmin.statusCode(), ofAdmin.asString());
        Response asUser = RestAssured.given().header("Authorization", "Token " + SignedIn.as(Api.unique("devices-plain")).token())
                .get("/api/admin/users/" + user.username() + "/devices/");
        assertEquals(403, asUser.statusCode(), asUser.asString());
        assertEquals("{\"detail\":\"You do not have permission to perform this action.\"}", asUser.asString());
    }
}
