package dev.portcullis.throttle;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DRF's throttles: anonymous requests by address, users by id, and the login endpoints by address and by
 * username, answered 429 with DRF's words and {@code Retry-After}. Addresses come from
 * {@code X-Forwarded-For}, trusted here from the local proxy the tests stand for
 * ({@link UntrustedProxyTest}: from anyone else, the header is ignored).
 */
@QuarkusTest
@TestProfile(ThrottlingTest.Rates.class)
class ThrottlingTest {

    public static class Rates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.throttle.anon.rate", "3/minute", "portcullis.throttle.user.rate", "4/min",
                    "portcullis.throttle.rates.register", "2/minute",
                    "portcullis.throttle.login.rate", "3/m", "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    /**
     * Counts are kept in the database, which other suites of the run share: every address and username here is
     * this run's own. An address is written as its last three parts, the test's own {@code test.net.host}.
     */
    private static final int RUN = ThreadLocalRandom.current().nextInt(256);
    static final String NAMES = Api.unique("");

    static String at(String testNetHost) {
        String[] parts = testNetHost.split("\\.");
        return "10." + RUN + "." + (Integer.parseInt(parts[0]) * 10 + Integer.parseInt(parts[1])) + "." + parts[2];
    }

    /**
     * A user of this run, registered and signed in from an address of its own — not by the administrator, whose
     * requests this profile's user rate would count too.
     */
    static String registered(String name, String address) {
        Map<String, String> credentials = Map.of("username", name, "password", Api.PASSWORD);
        Response registration = RestAssured.given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(credentials).post("/api/register/");
        assertEquals(201, registration.statusCode(), registration.asString());
        return RestAssured.given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(credentials)
                .post("/api/token/").then().statusCode(200).extract().path("token");
    }

    static void assertThrottled(Response response) {
        assertEquals(429, response.statusCode(), response.asString());
        String detail = response.jsonPath().getString("detail");
        assertTrue(detail.matches("Request was throttled\\. Expected available in (5\\d|60) seconds\\."), detail);
        assertEquals(detail.replaceAll("\\D", ""), response.header("Retry-After"));
        assertEquals("application/json", response.contentType());
        assertEquals(1, response.jsonPath().getMap("$").size());
    }

    @Test
    void anonymousRequestsAreCountedByAddress() {
        for (int i = 0; i < 3; i++) {
            RestAssured.given().header("X-Forwarded-For", at("2.0.1")).get("/api/public/").then().statusCode(200);
        }
        assertThrottled(RestAssured.given().header("X-Forwarded-For", at("2.0.1")).get("/api/public/"));
        RestAssured.given().header("X-Forwarded-For", at("2.0.2")).get("/api/public/").then().statusCode(200);
    }

    @Test
    void usersAreCountedByUser() {
        String token = registered("throttled-user" + NAMES, at("3.1.1"));
        for (int i = 0; i < 4; i++) {
            Api.withToken(token).header("X-Forwarded-For", at("3.0." + i)).get("/api/private/").then().statusCode(200);
        }
        assertThrottled(Api.withToken(token).header("X-Forwarded-For", at("3.0.9")).get("/api/private/"));
        Api.withToken(registered("another-user" + NAMES, at("3.1.2"))).get("/api/private/").then().statusCode(200);
    }

    /**
     * DRF's {@code ScopedRateThrottle} on sign-ups (the {@code register} scope, 2 a minute here), by client address:
     * the third from one address waits though the anonymous rate (3) would let it in; another address signs up.
     */
    @Test
    void signUpsAreCountedUnderTheirScope() {
        java.util.function.BiFunction<String, String, Response> signUp = (name, address) -> RestAssured.given()
                .header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("username", name + NAMES, "password", Api.PASSWORD)).post("/api/register/");
        for (int i = 0; i < 2; i++) {
            assertEquals(201, signUp.apply("scoped-" + i, at("15.0.1")).statusCode());
        }
        assertThrottled(signUp.apply("scoped-2", at("15.0.1")));
        assertEquals(201, signUp.apply("scoped-3", at("15.0.2")).statusCode());
    }

    static Response login(String endpoint, String address, String username) {
        return RestAssured.given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "not-the-password")).post(endpoint);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one username from four addresses|/api/token/|/api/token/|/api/token/|/api/token/|4.0.1,4.0.2,4.0.3,4.0.4|victim,victim,victim,victim",
            "four usernames from one address |/api/token/|/api/token/|/api/token/|/api/token/|5.0.1,5.0.1,5.0.1,5.0.1|a1,a2,a3,a4",
            "the three login endpoints share |/api/token/|/api/jwt/create/|/api/auth/login/|/api/token/|6.0.1,6.0.1,6.0.1,6.0.1|b1,b2,b3,b4",
    })
    void theLoginEndpointsAreCountedByAddressAndByUsername(String name, String first, String second, String third,
                                                          String fourth, String addresses, String usernames) {
        String[] endpoints = {first, second, third, fourth};
        String[] from = addresses.split(",");
        String[] as = usernames.split(",");
        for (int i = 0; i < 3; i++) {
            int status = login(endpoints[i], at(from[i]), as[i] + NAMES).statusCode();
            assertEquals(endpoints[i].equals("/api/jwt/create/") ? 401 : 400, status);
        }
        assertThrottled(login(endpoints[3], at(from[3]), as[3] + NAMES));
    }

    static Response basic(String address, String username, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return RestAssured.given().header("X-Forwarded-For", address).header("Authorization", "Basic " + credentials)
                .get("/api/probe/basic/");
    }

    @Test
    void basicAuthenticationGuessesAreLoginsToo() {
        for (int i = 0; i < 3; i++) {
            Response wrong = basic(at("7.0.1"), "basic-target-" + i + NAMES, "not-the-password");
            assertEquals(401, wrong.statusCode());
            assertEquals(Map.of("detail", "Invalid username/password."), wrong.jsonPath().getMap("$"));
        }
        assertThrottled(basic(at("7.0.1"), "basic-target-3" + NAMES, "not-the-password"));
        for (int i = 0; i < 3; i++) {
            login("/api/token/", at("7.1." + i), "basic-victim" + NAMES).then().statusCode(400);
        }
        assertThrottled(basic(at("7.2.1"), "basic-victim" + NAMES, Api.PASSWORD));
    }

    /**
     * Someone guessing a user's password from many addresses uses up the username's rate, but cannot lock the user
     * out: an address the user signed in from before still signs in; only addresses new to that user wait.
     */
    @Test
    void aGuesserElsewhereCannotLockAUserOut() {
        String target = "lockout-target" + NAMES;
        registered(target, at("8.0.1"));
        for (int i = 0; i < 3; i++) {
            assertEquals(400, login("/api/token/", at("8.1." + i), target).statusCode());
        }
        assertThrottled(login("/api/token/", at("8.1.9"), target));
        assertThrottled(RestAssured.given().header("X-Forwarded-For", at("8.2.1")).contentType(ContentType.JSON)
                .body(Map.of("username", target, "password", Api.PASSWORD)).post("/api/token/"));

        Response known = signIn("/api/auth/login/", at("8.0.1"), target);
        assertEquals(200, known.statusCode(), known.asString());
        assertEquals(Map.of("username", target), known.jsonPath().getMap("$"));
    }

    static Response signIn(String endpoint, String forwardedFor, String username) {
        return RestAssured.given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post(endpoint);
    }

    /** Whatever is sent as a username, the count is kept under a digest of fixed length: no 500, DRF's answer. */
    @ParameterizedTest(name = "a username of {0} characters")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 150, 151, 286, 5_000, 100_000})
    void aUsernameOfAnyLengthIsCounted(int length) {
        Response response = login("/api/token/", at("10.0." + (length % 250)), "u".repeat(length));
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(Map.of("non_field_errors", java.util.List.of("Unable to log in with provided credentials.")),
                response.jsonPath().getMap("$"));
    }
}
