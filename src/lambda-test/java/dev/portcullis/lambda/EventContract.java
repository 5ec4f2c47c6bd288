package dev.portcullis.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the function answers to API Gateway HTTP API and Function URL events: the service's own answers to
 * well-formed ones — the same guard, DRF bodies, Token, JWT and session authentication, CSRF — and DRF-shaped 4xx to
 * events no API Gateway would send. Run in-process ({@link LambdaEventsTest}) and against the packaged
 * {@code function.zip} under AWS's runtime client ({@link FunctionZipIT}).
 */
abstract class EventContract {

    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "root-secret";

    private static final String MALFORMED = "{\"detail\":\"Malformed request.\"}";
    private static final String TOO_LARGE = "{\"detail\":\"Request body exceeded 1048576 bytes.\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The function's answer to one event, given as JSON text. */
    abstract Answer invoke(String event);

    Answer invoke(Event event) {
        return invoke(json(event));
    }

    static Stream<Arguments> malformedEvents() {
        String tooLarge = "a".repeat(1_048_577);
        return Stream.of(
                arguments("a JSON array", "[1, 2]", 400, MALFORMED),
                arguments("a JSON string", "\"GET /api/public/\"", 400, MALFORMED),
                arguments("no requestContext", json(Event.http("GET", "/api/public/").remove("requestContext")), 400, MALFORMED),
                arguments("requestContext without http", json(Event.http("GET", "/api/public/").remove("requestContext.http")), 400, MALFORMED),
                arguments("payload format 1.0", "{\"version\":\"1.0\",\"httpMethod\":\"GET\",\"path\":\"/api/public/\","
                        + "\"multiValueHeaders\":{\"accept\":[\"application/json\"]},\"requestContext\":{}}", 400, MALFORMED),
                arguments("method a number", json(Event.http("GET", "/api/public/").set("requestContext.http.method", 7)), 400, MALFORMED),
                arguments("method not a token", json(Event.http("GE T", "/api/public/")), 400, MALFORMED),
                arguments("no rawPath", json(Event.http("GET", "/api/public/").remove("rawPath")), 400, MALFORMED),
                arguments("rawPath relative", json(Event.http("GET", "api/public/")), 400, MALFORMED),
                arguments("rawPath with a space", json(Event.http("GET", "/api/pub lic/")), 400, MALFORMED),
                arguments("rawQueryString a list", json(Event.http("GET", "/api/public/").set("rawQueryString", List.of("a"))), 400, MALFORMED),
                arguments("headers a list", json(Event.http("GET", "/api/public/").set("headers", List.of("accept: */*"))), 400, MALFORMED),
                arguments("a header value a number", json(Event.http("GET", "/api/public/").header("accept", "x").set("headers.accept", 5)), 400, MALFORMED),
                arguments("a header value a list", json(Event.http("GET", "/api/public/").set("headers.accept", List.of("a", "b"))), 400, MALFORMED),
                arguments("a header value with a line break", json(Event.http("GET", "/api/public/").header("x-note", "a\r\nset-cookie: x=1")), 400, MALFORMED),
                arguments("a header name with a space", json(Event.http("GET", "/api/public/").header("x note", "a")), 400, MALFORMED),
                arguments("cookies a string", json(Event.http("GET", "/api/public/").set("cookies", "sessionid=x")), 400, MALFORMED),
                arguments("isBase64Encoded a string", json(Event.http("GET", "/api/public/").set("isBase64Encoded", "yes")), 400, MALFORMED),
                arguments("base64 flag, body not base64", json(Event.http("POST", "/api/token/").header("content-type", "application/json")
                        .set("isBase64Encoded", true).set("body", "{\"username\": \"root\"}")), 400, MALFORMED),
                arguments("sourceIp a host name", json(Event.http("GET", "/api/public/").set("requestContext.http.sourceIp", "evil.example")), 400, MALFORMED),
                arguments("timeEpoch not a number", json(Event.http("GET", "/api/public/").set("requestContext.timeEpoch", "soon")), 400, MALFORMED),
                arguments("body over the limit", json(Event.http("POST", "/api/posts/").header("content-type", "text/plain")
                        .set("body", tooLarge)), 413, TOO_LARGE),
                arguments("base64 body over the limit", json(Event.http("POST", "/api/posts/").base64("application/octet-stream", tooLarge)), 413, TOO_LARGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEvents")
    void anEventNoApiGatewaySendsIsAnsweredInDrfShape(String name, String event, int status, String body) {
        Answer answer = invoke(event);
        assertEquals(status, answer.status(), name);
        assertEquals(body, answer.body(), name);
        assertEquals("application/json", answer.headers().get("Content-Type"), name);
        assertEquals("no-store", answer.headers().get("Cache-Control"), name);
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("public", Event.http("GET", "/api/public/"), 200, "{\"data\":\"public\"}", null),
                arguments("no credentials", Event.http("GET", "/api/data/"), 401,
                        "{\"detail\":\"Authentication credentials were not provided.\"}", "Token"),
                arguments("unknown token", Event.http("GET", "/api/data/").header("authorization", "Token 0123456789abcdef"),
                        401, "{\"detail\":\"Invalid token.\"}", "Token"),
                arguments("a method the endpoint lacks", Event.http("DELETE", "/api/public/"), 405,
                        "{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}", null),
                // API Gateway joins a header's values with commas.
                arguments("a multi-value Accept", Event.http("GET", "/api/public/")
                        .header("accept", "text/plain;q=0.1,application/json"), 200, "{\"data\":\"public\"}", null),
                arguments("no headers at all", Event.http("GET", "/api/public/").remove("headers"), 200,
                        "{\"data\":\"public\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aRequestIsAnsweredAsOnTheHttpPort(String name, Event event, int status, String body, String challenge) {
        Answer answer = invoke(event);
        assertEquals(status, answer.status(), name);
        assertEquals(body, answer.body(), name);
        assertEquals(challenge, answer.headers().get("WWW-Authenticate"), name);
        assertTrue(answer.headers().get("Content-Type").startsWith("application/json"), name);
    }

    @Test
    void aTokenFromABase64BodyAuthenticatesTheNextEvent() {
        Answer login = invoke(Event.http("POST", "/api/token/").base64("application/json",
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"));
        assertEquals(200, login.status(), login.body());
        String token = login.json().path("token").asText();
        assertTrue(token.matches("[0-9a-f]{40}"), login.body());

        Answer me = invoke(Event.http("GET", "/api/me/").header("authorization", "Token " + token));
        assertEquals(200, me.status(), me.body());
        assertEquals(ADMIN, me.json().path("username").asText());
        assertEquals("TokenAuthentication", me.json().path("auth").asText());
    }

    @Test
    void aJwtAuthenticatesAsBearer() {
        Answer pair = invoke(Event.http("POST", "/api/jwt/create/")
                .json("{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"));
        assertEquals(200, pair.status(), pair.body());
        Answer me = invoke(Event.http("GET", "/api/me/").header("authorization", "Bearer " + pair.json().path("access").asText()));
        assertEquals(200, me.status(), me.body());
        assertEquals("JWTAuthentication", me.json().path("auth").asText());

        Answer refused = invoke(Event.http("GET", "/api/me/").header("authorization", "Bearer not.a.jwt"));
        assertEquals(401, refused.status(), refused.body());
        assertEquals("token_not_valid", refused.json().path("code").asText(), refused.body());
    }

    /** Cookies travel in the event's and the answer's {@code cookies}; CSRF is checked as on the HTTP port. */
    @Test
    void aSessionFromTheCookiesArrayIsHeldToCsrf() {
        Answer login = invoke(Event.http("POST", "/api/auth/login/")
                .json("{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"));
        assertEquals(200, login.status(), login.body());
        assertEquals("{\"username\":\"" + ADMIN + "\"}", login.body());
        String session = login.cookie("sessionid");
        String csrf = login.cookie("csrftoken");
        assertNotNull(session, login.cookies().toString());
        assertNotNull(csrf, login.cookies().toString());

        String post = "{\"title\":\"from a function\",\"body\":\"text\",\"published\":false}";
        Answer withoutToken = invoke(Event.http("POST", "/api/posts/").cookie("sessionid=" + session)
                .cookie("csrftoken=" + csrf).json(post));
        assertEquals(403, withoutToken.status());
        assertEquals("{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}", withoutToken.body());

        // The page's origin is the API's own, over HTTPS as API Gateway serves it.
        Answer fromAnotherSite = invoke(Event.http("POST", "/api/posts/").cookie("sessionid=" + session)
                .cookie("csrftoken=" + csrf).header("x-csrftoken", csrf).header("origin", "https://evil.example")
                .json(post));
        assertEquals(403, fromAnotherSite.status());
        assertEquals("{\"detail\":\"CSRF Failed: Origin checking failed - https://evil.example does not match any "
                + "trusted origins.\"}", fromAnotherSite.body());

        Answer created = invoke(Event.http("POST", "/api/posts/").cookie("sessionid=" + session)
                .cookie("csrftoken=" + csrf).header("x-csrftoken", csrf).header("origin", "https://" + Event.HOST)
                .json(post));
        assertEquals(201, created.status(), created.body());
        assertEquals("from a function", created.json().path("title").asText());
    }

    private static String json(Event event) {
        try {
            return JSON.writeValueAsString(event.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
