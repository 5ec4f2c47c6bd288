package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code portcullis.explain-denials} on, every 401/403 says why in a {@code hint}; DRF's fields stay as they are. */
@QuarkusTest
@TestProfile(ExplainedDenialsTest.Explained.class)
class ExplainedDenialsTest {

    public static class Explained implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.explain-denials", "true");
        }
    }

    private static RequestSpecification with(String credential) {
        String[] parts = credential.split(":", 2);
        return switch (parts[0]) {
            case "none" -> RestAssured.given();
            case "raw" -> RestAssured.given().header("Authorization", parts[1]);
            case "session" -> RestAssured.given().cookie("sessionid", "0".repeat(64));
            case "token" -> Api.withToken(parts[1].equals("staff") ? Api.token("hint-staff", true, false, true)
                    : Api.token(parts[1]));
            case "refresh-jwt" -> RestAssured.given().header("Authorization", "Bearer " + jwt("refresh"));
            case "opaque-as-bearer" -> RestAssured.given().header("Authorization", "Bearer " + Api.token("hint-alice"));
            case "jwt-as-token" -> RestAssured.given().header("Authorization", "Token " + jwt("access"));
            case "jwt-without-keyword" -> RestAssured.given().header("Authorization", jwt("access"));
            case "opaque-in-query" -> RestAssured.given().queryParam("access_token", Api.token("hint-alice"));
            case "jwt-in-cookie" -> RestAssured.given().cookie("token", jwt("access"));
            case "session-without-csrf-header" -> {
                Api.token("hint-alice");
                Api.Browser browser = Api.browser("hint-alice");
                yield RestAssured.given().cookie("sessionid", browser.session()).cookie("csrftoken", browser.csrf());
            }
            default -> throw new IllegalArgumentException(credential);
        };
    }

    /** A JWT of user hint-mobile: its {@code access} or {@code refresh} token. */
    private static String jwt(String which) {
        Api.token("hint-mobile");
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "hint-mobile", "password", Api.PASSWORD))
                .post("/api/jwt/create/").then().statusCode(200).extract().path(which);
    }

    /** Each hint must contain every ';'-separated fragment. */
    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource(delimiter = '|', value = {
            "GET|/api/data/            |none                 |401|The request carries no credentials; this endpoint accepts TokenAuthentication ('Authorization: Token <key>') or JWTAuthentication;IsAuthenticated denied GET /api/data/ (action 'get'): the request is anonymous;the global default portcullis.default-permissions (IsAuthenticated) applies;The status is 401 with 'WWW-Authenticate: Token' from TokenAuthentication",
            "GET|/api/probe/token-only/|raw:Bearer abc       |401|is a credential for JWTAuthentication ('Authorization: Bearer <access token>'), but this endpoint does not use that class: it accepts TokenAuthentication",
            "GET|/api/data/            |raw:abc123           |401|The Authorization header has no keyword",
            "GET|/api/data/            |raw:bearer abc       |401|The Authorization keyword 'bearer' is not JWTAuthentication's 'Bearer' (JWTAuthentication matches it exactly, case included): send 'Authorization: Bearer <access token>'.",
            "GET|/api/data/            |raw:Bearer: abc      |401|The Authorization keyword 'Bearer:' is not JWTAuthentication's 'Bearer' (no colon after the keyword): send 'Authorization: Bearer <access token>'.",
            "GET|/api/data/            |raw:Token: 0123456789abcdef0123456789abcdef01234567|401|The Authorization keyword 'Token:' is not TokenAuthentication's 'Token' (no colon after the keyword): send 'Authorization: Token <key>'.",
            "GET|/api/data/            |raw:JWT abc          |401|JWT' is the keyword of the older djangorestframework-jwt; JWTAuthentication (SimpleJWT's) reads 'Bearer': send 'Authorization: Bearer <access token>'.",
            "GET|/api/data/            |raw:Basics abc       |401|No authentication class of this endpoint reads the Authorization keyword 'Basics'",
            "GET|/api/data/            |opaque-as-bearer:    |401|JWTAuthentication rejected the credential: Given token not valid for any token type;The credential sent after 'Bearer' is an opaque token key (40 hexadecimal characters), not a JWT (three dot-separated base64url parts): send it as 'Authorization: Token <key>'.",
            "GET|/api/probe/token-only/|opaque-as-bearer:    |401|The credential sent after 'Bearer' is an opaque token key (40 hexadecimal characters), not a JWT (three dot-separated base64url parts): send it as 'Authorization: Token <key>'.",
            "GET|/api/probe/jwt-first/ |jwt-as-token:        |401|TokenAuthentication rejected the credential: Invalid token.;The credential sent after 'Token' is a JWT (three dot-separated base64url parts), not an opaque token key (40 hexadecimal characters): send it as 'Authorization: Bearer <access token>'.",
            "GET|/api/probe/token-only/|jwt-as-token:        |401|The credential sent after 'Token' is a JWT (three dot-separated base64url parts), not an opaque token key (40 hexadecimal characters): this endpoint does not accept JWTAuthentication; it accepts TokenAuthentication ('Authorization: Token <key>').",
            "GET|/api/data/            |jwt-without-keyword: |401|The Authorization header holds a JWT (three dot-separated base64url parts) without a keyword: send 'Authorization: Bearer <access token>'.",
            "GET|/api/data/            |opaque-in-query:     |401|The request sends a credential in the query string parameter 'access_token', where no authentication class reads one (a URL ends up in logs and browser history): credentials go in the Authorization header. It is an opaque token key (40 hexadecimal characters): send it as 'Authorization: Token <key>'.",
            "GET|/api/data/            |jwt-in-cookie:       |401|The request sends a credential in the cookie 'token', where no authentication class reads one;It is a JWT (three dot-separated base64url parts): send it as 'Authorization: Bearer <access token>'.",
            "POST|/api/posts/          |session-without-csrf-header:|403|The request is authenticated by its session cookie, so POST needs the X-CSRFToken header holding the csrftoken cookie's value.",
            "GET|/api/probe/no-auth/   |token:hint-alice     |403|This endpoint has no authentication classes, so every request to it is anonymous and the Authorization header is ignored;IsAuthenticated denied",
            "GET|/api/admin-only/      |token:hint-alice     |403|IsAdminUser denied GET /api/admin-only/ (action 'get'): user 'hint-alice' is not staff (is_staff is false);declared on AdminOnlyView",
            "GET|/api/verified-only/   |token:hint-alice     |403|IsVerifiedUser denied;e-mail address of user 'hint-alice' is not verified",
            "GET|/api/probe/not-staff/ |token:staff          |403|IsAdminUser allows this request, and ~IsAdminUser allows only what IsAdminUser does not",
            "GET|/api/data/            |raw:Token 0000       |401|TokenAuthentication rejected the credential: Invalid token.;Obtain a new one with POST /api/token/;authentication runs first",
            "GET|/api/data/            |raw:Token            |401|has the keyword 'Token' but no key",
            "GET|/api/private/         |refresh-jwt:         |401|JWTAuthentication rejected the credential: Given token not valid for any token type;exchange it for an access token with POST /api/jwt/refresh/",
            "GET|/api/private/         |raw:Bearer a b       |401|Send exactly one token after the keyword",
            "GET|/api/private/         |session:stale        |401|SessionAuthentication read its credential, but it names no active user",
            "GET|/api/data/            |none                 |401|or SessionAuthentication ('the sessionid cookie from POST /api/auth/login/",
    })
    void hints(String method, String path, String credential, int status, String fragments) {
        Response response = with(credential.strip()).request(method, path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        String hint = response.jsonPath().getString("hint");
        for (String fragment : fragments.split(";")) {
            assertTrue(hint.contains(fragment), "hint lacks [" + fragment + "]: " + hint);
        }
    }

    @Test
    void anObjectLevelDenialNamesTheClassAndWhereItWasChosen() {
        int id = Api.post(Api.token("hint-owner"), "hinted", true);
        Response response = Api.withToken(Api.token("hint-alice")).contentType(ContentType.JSON)
                .body(Map.of("title", "mine now")).put("/api/posts/" + id + "/");
        assertEquals(403, response.statusCode());
        String hint = response.jsonPath().getString("hint");
        assertTrue(hint.startsWith("IsOwnerOrReadOnly denied PUT /api/posts/{id}/ (action 'update'): the object "
                + "belongs to another user"), hint);
        assertTrue(hint.contains("PostResource.getPermissions(\"update\") chose IsAuthenticated, IsOwnerOrReadOnly."), hint);
    }

    @Test
    void drfFieldsStayAsTheyAreAndTheHintComesLast() {
        Response plain = RestAssured.get("/api/data/");
        assertEquals(List.of("detail", "hint"), List.copyOf(plain.jsonPath().getMap("$").keySet()));
        assertEquals("Authentication credentials were not provided.", plain.jsonPath().getString("detail"));

        Response jwt = RestAssured.given().header("Authorization", "Bearer garbage").get("/api/private/");
        assertEquals(List.of("detail", "code", "messages", "hint"), List.copyOf(jwt.jsonPath().getMap("$").keySet()));
    }
}
