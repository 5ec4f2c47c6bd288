package dev.portcullis.replicas;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service against one PostgreSQL give the same answers: what one replica
 * revokes, ends, blacklists, grants or counts, the other honours at once (tokens within one second). One of them
 * has its OpenAPI document switched on, which it serves on its management port alone.
 */
class ReplicasIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static EmbeddedPostgres database;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedPostgres.start();
        Map<String, String> environment = new java.util.HashMap<>(Replica.on(database));
        environment.putAll(Map.of(
                "PORTCULLIS_THROTTLE_LOGIN_RATE", "3/minute",
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true"));
        Map<String, String> documented = new java.util.HashMap<>(environment);
        documented.putAll(Map.of("QUARKUS_SMALLRYE_OPENAPI_ENABLED", "true", "QUARKUS_SWAGGER_UI_ENABLED", "true"));
        List<Replica> replicas = Replica.startTogether("a", documented, "b", environment);
        a = replicas.get(0);
        b = replicas.get(1);
    }

    /**
     * The production build serves its OpenAPI document and Swagger UI only where they are switched on (replica a),
     * and then only on the management port, never on the API port.
     */
    @ParameterizedTest(name = "switched on: {0}, {1} port, {2}")
    @CsvSource(delimiter = '|', value = {
            // switched on | port | path | status | what the answer holds
            "true  |management|/q/openapi?format=json|200|\"x-permissions\"",
            "true  |management|/q/swagger-ui/        |200|<title>OpenAPI UI",
            "true  |api       |/q/openapi            |404|-",
            "true  |api       |/q/swagger-ui/        |404|-",
            "false |management|/q/openapi            |404|-",
            "false |management|/q/swagger-ui/        |404|-",
    })
    void documentAndUiOnlyWhereSwitchedOnAndOnTheManagementPort(boolean switchedOn, String port, String path,
                                                                 int status, String holds) {
        Replica replica = switchedOn ? a : b;
        Response answer = RestAssured.given().baseUri("http://localhost")
                .port(port.equals("api") ? replica.port() : replica.managementPort()).urlEncodingEnabled(false)
                .get(path.strip());
        assertEquals(status, answer.statusCode(), answer.asString());
        if (!holds.equals("-")) {
            assertTrue(answer.asString().contains(holds), answer.asString().substring(0, Math.min(300,
                    answer.asString().length())));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Replica.closeAll(a, b, database);
    }

    /** The administrator's token, obtained once per replica: the login rate counts every login of a username. */
    private static final Map<Replica, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String adminToken(Replica replica) {
        return ADMIN_TOKENS.computeIfAbsent(replica, r -> r.given().header("X-Forwarded-For", Replica.newClientAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", "root", "password", "root-secret")).post("/api/token/")
                .then().statusCode(200).extract().path("token"));
    }

    /** A new user made on the given replica; returns its token from that replica. */
    private static String user(Replica replica, String username) {
        String admin = adminToken(replica);
        replica.given().header("Authorization", "Token " + admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD)).post("/api/admin/users/")
                .then().statusCode(201);
        return replica.given().header("Authorization", "Token " + admin).post("/api/admin/users/" + username + "/token/")
                .then().statusCode(200).extract().path("token");
    }

    @Test
    void aTokenRevokedThroughOneIsRefusedByTheOtherWithinOneSecond() throws InterruptedException {
        String token = user(a, "replica-revoked");
        b.given().header("Authorization", "Token " + token).get("/api/private/").then().statusCode(200);  // cached on b
        a.given().header("Authorization", "Token " + adminToken(a)).delete("/api/admin/users/replica-revoked/token/")
                .then().statusCode(204);
        long revoked = System.nanoTime();
        Response refused;
        do {
            refused = b.given().header("Authorization", "Token " + token).get("/api/private/");
        } while (refused.statusCode() == 200 && System.nanoTime() - revoked < 3_000_000_000L);
        long millis = (System.nanoTime() - revoked) / 1_000_000;
        assertEquals(401, refused.statusCode());
        assertEquals(Map.of("detail", "Invalid token."), refused.jsonPath().getMap("$"));
        assertTrue(millis < 1000, "refused by the other replica after " + millis + " ms");
        System.out.printf("ReplicasIT: revoked on a, refused by b after %d ms%n", millis);
    }

    /** Polls a replica until it refuses the token; the milliseconds that took (at most three seconds are waited). */
    private static long millisUntilRefused(Replica replica, String token, long since) {
        return millisUntilRefused(replica, "Token " + token, Map.of("detail", "Invalid token."), since);
    }

    /**
     * What an operator does to users and tokens directly in SQL reaches both replicas' caches within a second, as
     * the service's own changes do (the tables announce them): the user's token and JWT, cached on both, are refused.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DELETE FROM users WHERE username = ?                                          | Invalid token.            | User not found",
            "UPDATE users SET is_active = false WHERE username = ?                         | User inactive or deleted. | User is inactive",
            "DELETE FROM auth_tokens WHERE user_id = (SELECT id FROM users WHERE username = ?) | Invalid token.        | -",
    })
    void whatAnOperatorChangesInSqlIsRefusedEverywhereWithinOneSecond(String sql, String tokenRefusal, String jwtRefusal)
            throws Exception {
        String username = "replica-sql-" + CLIENTS.incrementAndGet();
        String token = "Token " + user(a, username);
        String jwt = "Bearer " + b.given().header("X-Forwarded-For", Replica.newClientAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD)).post("/api/jwt/create/")
                .then().statusCode(200).extract().path("access");
        for (Replica replica : new Replica[]{a, b}) {
            for (String credentials : new String[]{token, jwt}) {
                replica.given().header("Authorization", credentials).get("/api/private/").then().statusCode(200);
            }
        }
        try (java.sql.Connection connection = database.getPostgresDatabase().getConnection();
             java.sql.PreparedStatement change = connection.prepareStatement(sql)) {
            change.setString(1, username);
            assertEquals(1, change.executeUpdate());
        }
        long changed = System.nanoTime();
        Map<String, Long> millis = new java.util.TreeMap<>();
        for (Replica replica : new Replica[]{a, b}) {
            millis.put(replica + " token", millisUntilRefused(replica, token, Map.of("detail", tokenRefusal), changed));
            if (!jwtRefusal.equals("-")) {
                millis.put(replica + " JWT", millisUntilRefused(replica, jwt,
                        Map.of("detail", jwtRefusal, "code", jwtRefusal.equals("User not found") ? "user_not_found" : "user_inactive"),
                        changed));
            }
        }
        assertTrue(millis.values().stream().allMatch(m -> m < 1000), "refused after " + millis);
        System.out.printf("ReplicasIT: %s in SQL, refused after %s ms%n", sql.split(" WHERE")[0], millis);
    }

    /**
     * A user signs out everywhere through one replica: their token and JWT, cached on both, and their session are
     * refused by both within a second.
     */
    @Test
    void aLogoutAllOnOneSignsTheUserOutOnBothWithinOneSecond() {
        String username = "replica-logout-all";
        String token = "Token " + user(a, username);
        String jwt = "Bearer " + b.given().header("X-Forwarded-For", Replica.newClientAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "device", "phone")).post("/api/jwt/create/")
                .then().statusCode(200).extract().path("access");
        for (Replica replica : new Replica[]{a, b}) {
            for (String credentials : new String[]{token, jwt}) {
                replica.given().header("Authorization", credentials).get("/api/private/").then().statusCode(200);
            }
        }
        a.given().header("Authorization", token).post("/api/auth/logout-all/").then().statusCode(204);
        long signedOut = System.nanoTime();
        Map<String, Long> millis = new java.util.TreeMap<>();
        for (Replica replica : new Replica[]{a, b}) {
            millis.put(replica + " token", millisUntilRefused(replica, token, Map.of("detail", "Invalid token."), signedOut));
            millis.put(replica + " JWT", millisUntilRefused(replica, jwt, Map.of("detail", "Given token not valid for any token type",
                    "code", "token_not_valid", "messages", List.of(Map.of("token_class", "AccessToken",
                            "token_type", "access", "message", "Token is blacklisted"))), signedOut));
        }
        assertTrue(millis.values().stream().allMatch(m -> m < 1000), "refused after " + millis);
        System.out.printf("ReplicasIT: logout-all on a, refused after %s ms%n", millis);
    }

    /** Polls a replica until it refuses the credentials with the body given; the milliseconds that took (at most three seconds). */
    private static long millisUntilRefused(Replica replica, String authorization, Map<String, ?> refusal, long since) {
        Response answer;
        do {
            answer = replica.given().header("Authorization", authorization).get("/api/private/");
        } while (answer.statusCode() == 200 && System.nanoTime() - since < 3_000_000_000L);
        assertEquals(401, answer.statusCode(), answer.asString());
        assertEquals(refusal, answer.jsonPath().getMap("$"));
        return (System.nanoTime() - since) / 1_000_000;
    }

    /**
     * The listeners that hear revocations are cut (their backends terminated, as a pooler or an administrator
     * may do) and a token is revoked at that very moment, its announcement lost: every replica still refuses it
     * within a second, because a replica that cannot hear changes stops trusting its cache.
     */
    @Test
    void aRevocationWhileTheListenersAreCutIsRefusedEverywhereWithinOneSecond() throws Exception {
        String token = user(a, "replica-cut");
        for (Replica replica : new Replica[]{a, b}) {
            replica.given().header("Authorization", "Token " + token).get("/api/private/").then().statusCode(200);
        }
        int cut;
        try (java.sql.Connection connection = database.getPostgresDatabase().getConnection();
             java.sql.ResultSet terminated = connection.createStatement().executeQuery("SELECT count(*) FROM "
                     + "(SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE application_name = 'portcullis-auth-changes') t")) {
            terminated.next();
            cut = terminated.getInt(1);
        }
        assertEquals(2, cut, "one listener per replica");
        a.given().header("Authorization", "Token " + adminToken(a)).delete("/api/admin/users/replica-cut/token/")
                .then().statusCode(204);
        long revoked = System.nanoTime();
        long onB = millisUntilRefused(b, token, revoked);
        long onA = millisUntilRefused(a, token, revoked);
        assertTrue(onB < 1000 && onA < 1000, "refused after " + onA + " ms (a) and " + onB + " ms (b)");
        System.out.printf("ReplicasIT: listeners cut, revoked on a, refused by b after %d ms and by a after %d ms%n", onB, onA);
    }

    @Test
    void aPasswordChangedOnOneEndsTheUsersSessionsOnBoth() {
        user(a, "replica-password");
        String session = a.given().header("X-Forwarded-For", Replica.newClientAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", "replica-password", "password", PASSWORD)).post("/api/auth/login/")
                .then().statusCode(200).extract().cookie("sessionid");
        b.given().cookie("sessionid", session).get("/api/me/").then().statusCode(200);
        a.given().header("Authorization", "Token " + adminToken(a)).contentType(ContentType.JSON)
                .body(Map.of("password", "Changed-on-a-2026")).patch("/api/admin/users/replica-password/")
                .then().statusCode(200);
        for (Replica replica : new Replica[]{a, b}) {
            Response after = replica.given().cookie("sessionid", session).get("/api/me/");
            assertEquals(401, after.statusCode(), after.asString());
            assertEquals(Map.of("detail", "Authentication credentials were not provided."), after.jsonPath().getMap("$"));
        }
    }

    @Test
    void aSessionOpenedOnOneIsValidOnTheOtherAndLogoutEndsItOnBoth() {
        user(a, "replica-browser");
        Response login = a.given().header("X-Forwarded-For", Replica.newClientAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", "replica-browser", "password", PASSWORD)).post("/api/auth/login/");
        assertEquals(200, login.statusCode(), login.asString());
        String session = login.getCookie("sessionid");
        String csrf = login.getCookie("csrftoken");
        Response me = b.given().cookie("sessionid", session).get("/api/me/");
        assertEquals(200, me.statusCode(), me.asString());
        assertEquals("SessionAuthentication", me.jsonPath().getString("auth"));

        a.given().cookie("sessionid", session).cookie("csrftoken", csrf).header("X-CSRFToken", csrf)
                .post("/api/auth/logout/").then().statusCode(200);
        for (Replica replica : new Replica[]{a, b}) {
            Response after = replica.given().cookie("sessionid", session).get("/api/me/");
            assertEquals(401, after.statusCode(), after.asString());
            assertEquals(Map.of("detail", "Authentication credentials were not provided."), after.jsonPath().getMap("$"));
        }
    }

    @Test
    void aRefreshTokenBlacklistedOnOneIsRefusedByTheOther() {
        user(a, "replica-mobile");
        String refresh = a.given().header("X-Forwarded-For", Replica.newClientAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", "replica-mobile", "password", PASSWORD)).post("/api/jwt/create/")
                .then().statusCode(200).extract().path("refresh");
        a.given().contentType(ContentType.JSON).body(Map.of("refresh", refresh)).post("/api/jwt/blacklist/")
                .then().statusCode(200);
        Response refused = b.given().contentType(ContentType.JSON).body(Map.of("refresh", refresh))
                .post("/api/jwt/refresh/");
        assertEquals(401, refused.statusCode(), refused.asString());
        assertEquals(Map.of("detail", "Token is blacklisted", "code", "token_not_valid"), refused.jsonPath().getMap("$"));
    }

    @Test
    void aGrantAddedOnOneIsHonouredByTheOtherAtOnce() {
        String token = user(a, "replica-writer");
        Map<String, String> note = Map.of("text", "written on b");
        b.given().header("Authorization", "Token " + token).contentType(ContentType.JSON).body(note)
                .post("/api/notes/").then().statusCode(403);
        a.given().header("Authorization", "Token " + adminToken(a)).contentType(ContentType.JSON)
                .body(Map.of("username", "replica-writer", "permission", "add_note")).post("/api/admin/grants/")
                .then().statusCode(201);
        Response created = b.given().header("Authorization", "Token " + token).contentType(ContentType.JSON).body(note)
                .post("/api/notes/");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("written on b", created.jsonPath().getString("text"));
    }

    @Test
    void theLoginRateIsCountedByEveryReplica() {
        Replica[] alternating = {a, b, a, b};
        for (int attempt = 0; attempt < 4; attempt++) {
            Response response = alternating[attempt].given().header("X-Forwarded-For", Replica.newClientAddress())
                    .contentType(ContentType.JSON).body(Map.of("username", "replica-victim", "password", "guess-" + attempt))
                    .post("/api/token/");
            if (attempt < 3) {
                assertEquals(400, response.statusCode(), response.asString());
            } else {
                assertEquals(429, response.statusCode(), response.asString());
                assertTrue(response.jsonPath().getString("detail")
                        .matches("Request was throttled\\. Expected available in (5\\d|60) seconds\\."));
                assertEquals(response.jsonPath().getString("detail").replaceAll("\\D", ""), response.header("Retry-After"));
            }
        }
    }

    @Test
    void theProductionLogIsJsonAndCarriesTheRequestIdOfTheAnswer() throws Exception {
        Response denied = a.given().header("X-Request-Id", "replica-trace-7").get("/api/me/");
        assertEquals(401, denied.statusCode());
        assertEquals("replica-trace-7", denied.header("X-Request-Id"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        boolean logged = false;
        for (String line : java.nio.file.Files.readAllLines(Path.of("target/replica-a.log"))) {
            if (line.startsWith("{")) {
                com.fasterxml.jackson.databind.JsonNode entry = json.readTree(line);
                logged |= entry.path("loggerName").asText().equals("dev.portcullis.denials")
                        && entry.path("mdc").path("requestId").asText().equals("replica-trace-7")
                        && entry.path("message").asText().startsWith("denied status=401 method=GET endpoint=/api/me/");
            }
        }
        assertTrue(logged, "no JSON denial line with the request id in target/replica-a.log");
    }
}
