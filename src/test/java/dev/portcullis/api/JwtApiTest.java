package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.portcullis.accounts.TestJwts;
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

/** The mobile client's path: create a pair, call with Bearer, refresh with rotation, verify, blacklist. */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class JwtApiTest {

    private static final String BEARER = "Bearer realm=\"api\"";
    private static final String NOT_VALID_FOR_ANY = "Given token not valid for any token type";

    private static Map<String, String> pair(String username) {
        Api.token(username);
        Response response = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/jwt/create/");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(List.of("access", "refresh"), List.copyOf(response.jsonPath().getMap("$").keySet()));
        return Map.of("access", response.jsonPath().getString("access"), "refresh", response.jsonPath().getString("refresh"));
    }

    private static Response post(String path, Map<String, ?> body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).post(path);
    }

    private static void assertBody(Response response, int status, String json, String wwwAuthenticate) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(JsonPath.from(json).getMap("$"), response.jsonPath().getMap("$"));
        assertEquals(wwwAuthenticate, response.header("WWW-Authenticate"));
    }

    private static String notValid(String message) {
        return "{\"detail\":\"" + NOT_VALID_FOR_ANY + "\",\"code\":\"token_not_valid\",\"messages\":[{\"token_class\":"
                + "\"AccessToken\",\"token_type\":\"access\",\"message\":\"" + message + "\"}]}";
    }

    @Test
    void createCallRefreshAndBlacklist() {
        Map<String, String> tokens = pair("mobile");
        Response me = RestAssured.given().header("Authorization", "Bearer " + tokens.get("access")).get("/api/me/");
        assertEquals(200, me.statusCode());
        assertEquals("mobile", me.jsonPath().getString("username"));
        assertEquals("JWTAuthentication", me.jsonPath().getString("auth"));

        Response refreshed = post("/api/jwt/refresh/", Map.of("refresh", tokens.get("refresh")));
        assertEquals(200, refreshed.statusCode(), refreshed.asString());
        String rotated = refreshed.jsonPath().getString("refresh");
        assertNotEquals(tokens.get("refresh"), rotated);
        RestAssured.given().header("Authorization", "Bearer " + refreshed.jsonPath().getString("access"))
                .get("/api/private/").then().statusCode(200);

        assertBody(post("/api/jwt/refresh/", Map.of("refresh", tokens.get("refresh"))), 401,
                "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", BEARER);
        assertBody(post("/api/jwt/verify/", Map.of("token", tokens.get("refresh"))), 400,
                "{\"non_field_errors\":[\"Token is blacklisted\"]}", null);
        assertBody(post("/api/jwt/verify/", Map.of("token", rotated)), 200, "{}", null);

        assertBody(post("/api/jwt/blacklist/", Map.of("refresh", rotated)), 200, "{}", null);
        assertBody(post("/api/jwt/refresh/", Map.of("refresh", rotated)), 401,
                "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", BEARER);
        assertBody(post("/api/jwt/blacklist/", Map.of("refresh", rotated)), 401,
                "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", BEARER);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/jwt/create/   |{\"username\": \"mobile2\", \"password\": \"wrong\"}|401|{\"detail\":\"No active account found with the given credentials\"}",
            "/api/jwt/create/   |{\"username\": \"ghost\", \"password\": \"wrong\"}|401|{\"detail\":\"No active account found with the given credentials\"}",
            "/api/jwt/create/   |{\"username\": \"jwt-sleeper\", \"password\": \"correct-horse-battery\"}|401|{\"detail\":\"No active account found with the given credentials\"}",
            "/api/jwt/create/   |{}|400|{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}",
            "/api/jwt/refresh/  |{}|400|{\"refresh\":[\"This field is required.\"]}",
            "/api/jwt/refresh/  |{\"refresh\": \"garbage\"}|401|{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}",
            "/api/jwt/verify/   |{}|400|{\"token\":[\"This field is required.\"]}",
            "/api/jwt/verify/   |{\"token\": \"garbage\"}|401|{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}",
            "/api/jwt/blacklist/|{}|400|{\"refresh\":[\"This field is required.\"]}",
            "/api/jwt/blacklist/|{\"refresh\": \"a.b.c\"}|401|{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}",
    })
    void endpointErrors(String path, String body, int status, String expected) {
        Api.token("mobile2");
        Api.token("jwt-sleeper", false, false, false);
        Response response = RestAssured.given().contentType(ContentType.JSON).body(body).post(path.strip());
        assertBody(response, status, expected, status == 401 ? BEARER : null);
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        Map<String, String> tokens = pair("mobile3");
        assertBody(post("/api/jwt/refresh/", Map.of("refresh", tokens.get("access"))), 401,
                "{\"detail\":\"Token has wrong type\",\"code\":\"token_not_valid\"}", BEARER);
        assertBody(post("/api/jwt/verify/", Map.of("token", tokens.get("access"))), 200, "{}", null);
        assertBody(RestAssured.given().header("Authorization", "Bearer " + tokens.get("refresh")).get("/api/private/"),
                401, notValid("Token has wrong type"), "Token");
    }

    @Test
    void aDeactivatedUserGetsNoNewTokens() {
        Map<String, String> tokens = pair("mobile-leaver");
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("is_active", false))
                .patch("/api/admin/users/mobile-leaver/").then().statusCode(200);
        Response refused = post("/api/jwt/refresh/", Map.of("refresh", tokens.get("refresh")));
        assertBody(refused, 401, "{\"detail\":\"No active account found for the given token.\"}", BEARER);

        // The refusal spent nothing: once the account is active again, the same refresh token works.
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("is_active", true))
                .patch("/api/admin/users/mobile-leaver/").then().statusCode(200);
        Response refreshed = post("/api/jwt/refresh/", Map.of("refresh", tokens.get("refresh")));
        assertEquals(200, refreshed.statusCode(), refreshed.asString());
        assertEquals(java.util.Set.of("access", "refresh"), refreshed.jsonPath().getMap("$").keySet());
    }

    /**
     * Bearer credentials on {@code /api/private/} (first class Token, so its header) and on a probe whose first
     * class is JWT. {@code user:} forges a signed access token for a user id: {@code self} (a real user),
     * {@code sleeper} (inactive), {@code 999999} (no such user), {@code none} (no user_id claim).
     */
    @ParameterizedTest(name = "{0} with [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/private/        |raw:Bearer                |401|{\"detail\":\"Authorization header must contain two space-delimited values\",\"code\":\"bad_authorization_header\"}|Token",
            "/api/private/        |raw:Bearer a b            |401|{\"detail\":\"Authorization header must contain two space-delimited values\",\"code\":\"bad_authorization_header\"}|Token",
            "/api/probe/jwt-first/|raw:Bearer a b            |401|{\"detail\":\"Authorization header must contain two space-delimited values\",\"code\":\"bad_authorization_header\"}|Bearer realm=\"api\"",
            "/api/private/        |raw:bearer abc            |401|{\"detail\":\"Authentication credentials were not provided.\"}|Token",
            "/api/probe/jwt-first/|none                      |401|{\"detail\":\"Authentication credentials were not provided.\"}|Bearer realm=\"api\"",
            "/api/probe/jwt-first/|raw:Token nope            |401|{\"detail\":\"Invalid token.\"}|Bearer realm=\"api\"",
            "/api/private/        |raw:Bearer garbage        |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/probe/jwt-first/|raw:Bearer garbage        |401|NOT_VALID:Token is invalid or expired|Bearer realm=\"api\"",
            "/api/private/        |forged:expired            |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:expired 1 s ago    |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:expired 56 s ago   |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:expires in 30 s    |200|{\"data\":\"sensitive\"}|-",
            "/api/private/        |forged:unknown key        |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:alg none           |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:hs256              |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:wrong issuer       |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:wrong audience     |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:not yet valid      |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:RS384              |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:RS512              |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:PS256              |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:offered jwk        |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:offered jku        |401|NOT_VALID:Token is invalid or expired|Token",
            "/api/private/        |forged:no exp             |401|NOT_VALID:Token has no 'exp' claim|Token",
            "/api/private/        |user:999999               |401|{\"detail\":\"User not found\",\"code\":\"user_not_found\"}|Token",
            "/api/private/        |user:none                 |401|{\"detail\":\"Token contained no recognizable user identification\",\"code\":\"token_not_valid\"}|Token",
            "/api/private/        |user:sleeper              |401|{\"detail\":\"User is inactive\",\"code\":\"user_inactive\"}|Token",
            "/api/private/        |user:self                 |200|{\"data\":\"sensitive\"}|-",
            "/api/private/        |forged:previous key       |200|{\"data\":\"sensitive\"}|-",
            "/api/probe/jwt-first/|user:self                 |200|{\"probe\":\"jwt-first\",\"user\":\"jwt-self\"}|-",
            "/api/public/         |raw:Bearer garbage        |401|NOT_VALID:Token is invalid or expired|Token",
    })
    void bearerCredentials(String path, String credential, int status, String expected, String wwwAuthenticate) {
        var request = RestAssured.given();
        String header = authorization(credential.strip());
        if (header != null) {
            request.header("Authorization", header);
        }
        String body = expected.startsWith("NOT_VALID:") ? notValid(expected.substring("NOT_VALID:".length())) : expected;
        assertBody(request.get(path.strip()), status, body, wwwAuthenticate.equals("-") ? null : wwwAuthenticate);
    }

    private static String authorization(String credential) {
        String[] parts = credential.split(":", 2);
        return switch (parts[0]) {
            case "none" -> null;
            case "raw" -> parts[1];
            case "forged" -> "Bearer " + forged(parts[1]);
            case "user" -> "Bearer " + TestJwts.sign(claimsFor(parts[1]), "signing", "test-signing");
            default -> throw new IllegalArgumentException(credential);
        };
    }

    private static Map<String, Object> claimsFor(String user) {
        Map<String, Object> claims = TestJwts.claims("access", 0);
        switch (user) {
            case "self" -> claims.put("user_id", userId("jwt-self", true));
            case "sleeper" -> claims.put("user_id", userId("jwt-inactive", false));
            case "none" -> claims.remove("user_id");
            default -> claims.put("user_id", Long.parseLong(user));
        }
        return claims;
    }

    private static String forged(String kind) {
        Map<String, Object> claims = claimsFor("self");
        long now = System.currentTimeMillis() / 1000;
        return switch (kind) {
            case "expired" -> {
                claims.put("exp", now - 5);
                yield TestJwts.sign(claims, "signing", "test-signing");
            }
            case "expired 1 s ago", "expired 56 s ago", "expires in 30 s" -> {
                long exp = now + Long.parseLong(kind.replaceAll("\\D", "")) * (kind.startsWith("expired") ? -1 : 1);
                claims.put("exp", exp);
                claims.put("iat", exp - 300);
                yield TestJwts.sign(claims, "signing", "test-signing");
            }
            case "not yet valid" -> {
                claims.put("nbf", now + 600);
                yield TestJwts.sign(claims, "signing", "test-signing");
            }
            case "wrong issuer" -> {
                claims.put("iss", "elsewhere");
                yield TestJwts.sign(claims, "signing", "test-signing");
            }
            case "wrong audience" -> {
                claims.put("aud", "elsewhere");
                yield TestJwts.sign(claims, "signing", "test-signing");
            }
            case "unknown key" -> TestJwts.sign(claims, "unknown", "unknown");
            // The service's own key, by an algorithm it does not use (SimpleJWT's ALGORITHM is RS256).
            case "RS384", "RS512", "PS256" -> TestJwts.signWith(kind, claims, "signing", "test-signing");
            case "offered jwk" -> TestJwts.signWithOfferedKey(claims, "jwk");
            case "offered jku" -> TestJwts.signWithOfferedKey(claims, "jku");
            case "no exp" -> {
                claims.remove("exp");
                yield TestJwts.sign(claims, "signing", "test-signing");
            }
            case "previous key" -> TestJwts.sign(claims, "previous", "previous");
            case "alg none" -> TestJwts.unsigned(claims);
            case "hs256" -> TestJwts.signHs256WithPublicKey(claims);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The id of a user made through the admin API (as a black-box client would learn it). */
    private static long userId(String username, boolean active) {
        String token = Api.token(username, false, false, true);
        long id = Api.withToken(token).get("/api/me/").then().statusCode(200).extract().jsonPath().getLong("id");
        if (!active) {
            Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("is_active", false))
                    .patch("/api/admin/users/" + username + "/").then().statusCode(200);
        }
        return id;
    }
}
