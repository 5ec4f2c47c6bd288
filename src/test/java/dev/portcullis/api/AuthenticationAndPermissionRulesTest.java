package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DRF's two steps on the wire: which credential applies, fails or is ignored, and the 401-or-403 rule,
 * for every built-in and custom class and for endpoints with and without authentication classes.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class AuthenticationAndPermissionRulesTest {

    private static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String NO_PERMISSION = "You do not have permission to perform this action.";
    private static final String VERIFY = "Please verify your email address before accessing this resource.";

    /**
     * Credentials: {@code none}; {@code token:<user>}; {@code bearer:<user>} (a valid key with the wrong keyword);
     * {@code basic:<user>:<password>}; {@code raw:<header value>}. Users: alice (regular), staffer (staff),
     * verified (e-mail verified), sleeper (inactive), revoked (token revoked).
     */
    @ParameterizedTest(name = "{0} {1} with {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET |/api/data/             |none                 |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/data/             |token:alice          |200|-|-",
            "GET |/api/data/             |raw:abc123           |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/data/             |raw:Token nope       |401|Invalid token.|Token",
            "GET |/api/data/             |raw:token nope       |401|Invalid token.|Token",
            "GET |/api/data/             |raw:Token            |401|Invalid token header. No credentials provided.|Token",
            "GET |/api/data/             |raw:Token a b        |401|Invalid token header. Token string should not contain spaces.|Token",
            "GET |/api/data/             |token:sleeper        |401|User inactive or deleted.|Token",
            "GET |/api/data/             |token:revoked        |401|Invalid token.|Token",
            "GET |/api/private/          |none                 |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/private/          |token:alice          |200|-|-",
            "GET |/api/public/           |none                 |200|-|-",
            "GET |/api/public/           |raw:Key abc          |200|-|-",
            "GET |/api/public/           |raw:Token nope       |401|Invalid token.|Token",
            "GET |/api/public/           |token:sleeper        |401|User inactive or deleted.|Token",
            "GET |/api/admin-only/       |none                 |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/admin-only/       |token:alice          |403|" + NO_PERMISSION + "|-",
            "GET |/api/admin-only/       |token:staffer        |200|-|-",
            "GET |/api/verified-only/    |none                 |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/verified-only/    |token:alice          |403|" + VERIFY + "|-",
            "GET |/api/verified-only/    |token:verified       |200|-|-",
            "GET |/api/probe/ping/       |raw:Token nope       |200|-|-",
            "GET |/api/probe/no-auth/    |none                 |403|" + NO_PERMISSION + "|-",
            "GET |/api/probe/no-auth/    |token:alice          |403|" + NO_PERMISSION + "|-",
            "GET |/api/probe/token-only/ |bearer:alice         |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/probe/token-only/ |token:alice          |200|-|-",
            "GET |/api/probe/basic/      |none                 |401|" + NOT_PROVIDED + "|Basic realm=\"api\"",
            "GET |/api/probe/basic/      |token:alice          |401|" + NOT_PROVIDED + "|Basic realm=\"api\"",
            "GET |/api/probe/basic/      |basic:alice:correct-horse-battery|200|-|-",
            "GET |/api/probe/basic/      |basic:alice:wrong    |401|Invalid username/password.|Basic realm=\"api\"",
            "GET |/api/probe/basic/      |basic:nobody:wrong   |401|Invalid username/password.|Basic realm=\"api\"",
            "GET |/api/probe/basic/      |basic:sleeper:correct-horse-battery|401|Invalid username/password.|Basic realm=\"api\"",
            "GET |/api/probe/basic/      |raw:Basic            |401|Invalid basic header. No credentials provided.|Basic realm=\"api\"",
            "GET |/api/probe/basic/      |raw:Basic QQ         |401|Invalid basic header. Credentials not correctly base64 encoded.|Basic realm=\"api\"",
            "GET |/api/probe/readonly/   |none                 |200|-|-",
            "POST|/api/probe/readonly/   |none                 |401|" + NOT_PROVIDED + "|Token",
            "POST|/api/probe/readonly/   |token:alice          |200|-|-",
            "GET |/api/probe/composite/  |none                 |401|" + NOT_PROVIDED + "|Token",
            "GET |/api/probe/composite/  |token:alice          |403|" + VERIFY + "|-",
            "GET |/api/probe/composite/  |token:verified       |200|-|-",
            "GET |/api/probe/not-staff/  |none                 |200|-|-",
            "GET |/api/probe/not-staff/  |token:alice          |200|-|-",
            "GET |/api/probe/not-staff/  |token:staffer        |403|" + NO_PERMISSION + "|-",
            "GET |/api/me/               |none                 |401|" + NOT_PROVIDED + "|Token",
    })
    void rule(String method, String path, String credential, int status, String detail, String wwwAuthenticate) {
        Response response = withCredential(credential).request(method.strip(), path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(wwwAuthenticate, response.header("WWW-Authenticate"));
        if (detail != null) {
            assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
            assertEquals("application/json", response.contentType());
        }
    }

    private static RequestSpecification withCredential(String credential) {
        String[] parts = credential.strip().split(":", 2);
        RequestSpecification request = RestAssured.given();
        return switch (parts[0]) {
            case "none" -> request;
            case "token" -> request.header("Authorization", "Token " + tokenOf(parts[1]));
            case "bearer" -> request.header("Authorization", "Bearer " + tokenOf(parts[1]));
            case "basic" -> request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(parts[1].getBytes(StandardCharsets.UTF_8)));
            case "raw" -> request.header("Authorization", parts[1]);
            default -> throw new IllegalArgumentException(credential);
        };
    }

    private static String tokenOf(String user) {
        return switch (user) {
            case "staffer" -> Api.token("staffer", true, false, true);
            case "verified" -> Api.token("verified", false, true, true);
            case "sleeper" -> Api.token("sleeper", false, false, false);
            case "revoked" -> {
                String token = Api.token("revoked", false, false, true);
                Api.withToken(Api.adminToken()).delete("/api/admin/users/revoked/token/").then().statusCode(204);
                yield token;
            }
            default -> Api.token(user);
        };
    }

    @ParameterizedTest(name = "{0} answers {1} for a successful request")
    @CsvSource(delimiter = '|', value = {
            "/api/data/|sensitive", "/api/private/|sensitive", "/api/admin-only/|admin only",
            "/api/verified-only/|verified", "/api/public/|public"})
    void successBodies(String path, String data) {
        String token = Api.token("allflags", true, true, true);
        Response response = Api.withToken(token).get(path);
        assertEquals(200, response.statusCode());
        assertEquals(Map.of("data", data), response.jsonPath().getMap("$"));
    }

    @ParameterizedTest(name = "probe {0} names the user")
    @CsvSource({"ping, ", "token-only, alice", "readonly, alice", "not-staff, alice"})
    void probesAnswerTheirNameAndUser(String probe, String user) {
        RequestSpecification request = user == null ? RestAssured.given() : Api.withToken(Api.token(user));
        Response response = request.get("/api/probe/" + probe + "/");
        assertEquals(200, response.statusCode());
        assertEquals(probe, response.jsonPath().getString("probe"));
        assertEquals(user, response.jsonPath().getString("user"));
    }
}
