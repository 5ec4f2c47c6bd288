package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rules that only a concurrent request, a forged field or another user's write can show: a refresh token is
 * rotated once however many use it at the same instant; no field a client may not set is taken from its body; and
 * {@code IsAdminUser | IsOwnerOrReadOnly} lets no one but staff and the owner write.
 */
@QuarkusTest
class SecurityRulesTest {

    private static final int SIMULTANEOUS = 16;
    private static final String BLACKLISTED = "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}";
    private static final String NO_PERMISSION = "{\"detail\":\"You do not have permission to perform this action.\"}";

    /**
     * Sixteen clients, each on its own connection, send the same refresh token at the same instant (released by one
     * barrier), five times over: exactly one gets a new pair, the others SimpleJWT's 401, and the pair's refresh
     * token is the one the next round uses.
     */
    @Test
    void aRefreshTokenUsedSixteenTimesAtOnceGivesOnePair() throws Exception {
        String username = Api.unique("refresh-race");
        Api.token(username);
        String refresh = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/jwt/create/")
                .then().statusCode(200).extract().path("refresh");
        ExecutorService clients = Executors.newFixedThreadPool(SIMULTANEOUS);
        try {
            for (int round = 1; round <= 5; round++) {
                List<HttpResponse<String>> answers = refreshAtOnce(clients, refresh);
                List<HttpResponse<String>> pairs = answers.stream().filter(a -> a.statusCode() == 200).toList();
                assertEquals(1, pairs.size(), "round " + round + ": " + answers.stream().map(HttpResponse::statusCode).toList());
                for (HttpResponse<String> refused : answers.stream().filter(a -> a.statusCode() != 200).toList()) {
                    assertEquals(401, refused.statusCode(), refused.body());
                    assertEquals(BLACKLISTED, refused.body());
                    assertEquals("Bearer realm=\"api\"", refused.headers().firstValue("WWW-Authenticate").orElse(null));
                }
                refresh = io.restassured.path.json.JsonPath.from(pairs.get(0).body()).getString("refresh");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<HttpResponse<String>> refreshAtOnce(ExecutorService clients, String refresh) throws Exception {
        CyclicBarrier start = new CyclicBarrier(SIMULTANEOUS);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/jwt/refresh/"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": \"" + refresh + "\"}")).build();
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < SIMULTANEOUS; i++) {
            sent.add(clients.submit(() -> {
                // A client of its own: one connection each, so that the requests do not queue on one.
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                start.await();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    /**
     * A field a client may not set, sent where a client writes: accepted or not, it is not taken. Registration
     * makes a regular, active, unverified user whatever the body says — seen in what the user can then do: sign
     * in, and nothing that staff, superusers or verified users may.
     */
    @ParameterizedTest(name = "register with {0}")
    @CsvSource(delimiter = '|', value = {
            "\"is_staff\": true",
            "\"is_superuser\": true",
            "\"email_verified\": true",
            "\"is_active\": false",
            "\"is_staff\": \"true\", \"is_superuser\": 1, \"email_verified\": \"yes\"",
            "\"id\": 1, \"is_staff\": true",
    })
    void registrationTakesNoPrivilegeFromTheBody(String forged) {
        String username = Api.unique("signup");
        Response registered = RestAssured.given().contentType(ContentType.JSON)
                .body("{\"username\": \"" + username + "\", \"password\": \"" + Api.PASSWORD + "\", " + forged + "}")
                .post("/api/register/");
        assertEquals(201, registered.statusCode(), registered.asString());
        assertEquals(List.of("id", "username", "email"), List.copyOf(registered.jsonPath().getMap("$").keySet()));
        assertEquals(false, registered.jsonPath().getLong("id") == 1, "a new id, not the one sent");
        Response signedIn = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/token/");
        assertEquals(200, signedIn.statusCode(), "active: " + signedIn.asString());
        RequestSpecification as = Api.withToken(signedIn.jsonPath().getString("token"));
        Response me = as.get("/api/me/");
        assertEquals(Map.of("is_staff", false, "email_verified", false),
                Map.of("is_staff", me.jsonPath().getBoolean("is_staff"), "email_verified", me.jsonPath().getBoolean("email_verified")));
        assertEquals(Map.of("/api/admin-only/", 403, "/api/verified-only/", 403, "/api/admin/grants/", 403),
                Map.of("/api/admin-only/", as.get("/api/admin-only/").statusCode(),
                        "/api/verified-only/", as.get("/api/verified-only/").statusCode(),
                        "/api/admin/grants/", as.contentType(ContentType.JSON).body("{}").post("/api/admin/grants/").statusCode()));
    }

    @ParameterizedTest(name = "{0} a post with {1}")
    @CsvSource(delimiter = '|', value = {
            "POST |\"owner\": {other}",
            "POST |\"owner\": \"{otherName}\"",
            "POST |\"id\": {existing}",
            "POST |\"created_at\": \"2001-01-01T00:00:00Z\"",
            "PATCH|\"owner\": {other}",
            "PUT  |\"owner\": {other}",
            "PATCH|\"id\": {existing}",
            "PATCH|\"created_at\": \"2001-01-01T00:00:00Z\"",
    })
    void aPostIsTheCallersWhateverTheBodyNames(String method, String forged) {
        String author = Api.unique("author");
        String otherName = Api.unique("victim");
        String otherToken = Api.token(otherName);
        long other = Api.withToken(otherToken).get("/api/me/").then().statusCode(200).extract().jsonPath().getLong("id");
        long existing = Api.post(otherToken, "the victim's", true);
        String field = forged.replace("{otherName}", otherName).replace("{other}", Long.toString(other))
                .replace("{existing}", Long.toString(existing));
        String body = "{\"title\": \"mine\", \"published\": true, " + field + "}";
        RequestSpecification as = Api.withToken(Api.token(author)).contentType(ContentType.JSON).body(body);
        Response written = switch (method.strip()) {
            case "POST" -> as.post("/api/posts/");
            default -> {
                long mine = Api.post(Api.token(author), "mine before", true);
                yield method.strip().equals("PUT") ? as.put("/api/posts/" + mine + "/") : as.patch("/api/posts/" + mine + "/");
            }
        };
        assertEquals(method.strip().equals("POST") ? 201 : 200, written.statusCode(), written.asString());
        long id = written.jsonPath().getLong("id");
        Response stored = RestAssured.get("/api/posts/" + id + "/");
        assertEquals(author, stored.jsonPath().getString("owner"), stored.asString());
        assertEquals("mine", stored.jsonPath().getString("title"));
        Response victims = RestAssured.get("/api/posts/" + existing + "/");
        assertEquals(Map.of("owner", otherName, "title", "the victim's"),
                Map.of("owner", victims.jsonPath().getString("owner"), "title", victims.jsonPath().getString("title")));
        assertEquals(false, stored.jsonPath().getString("created_at").startsWith("2001"), stored.asString());
    }

    /**
     * DRF 3.14's {@code IsAdminUser | IsOwnerOrReadOnly}: the object check of each side counts only where that
     * side's own check passed, so a user who is neither staff nor the owner cannot write through IsAdminUser's
     * lenient object check. The title is read back after each write.
     */
    @ParameterizedTest(name = "{0} {1} someone's post -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "other    |PATCH|403|" + NO_PERMISSION,
            "other    |PUT  |403|" + NO_PERMISSION,
            "other    |GET  |200|-",
            "owner    |PATCH|200|-",
            "staff    |PATCH|200|-",
            "staff    |PUT  |200|-",
            "anonymous|PATCH|401|{\"detail\":\"Authentication credentials were not provided.\"}",
    })
    void orLetsOnlyStaffAndTheOwnerWrite(String who, String method, int status, String detail) {
        String ownerToken = Api.token(Api.unique("or-owner"));
        long post = Api.post(ownerToken, "as written", true);
        RequestSpecification as = switch (who.strip()) {
            case "other" -> Api.withToken(Api.token(Api.unique("or-other")));
            case "owner" -> Api.withToken(ownerToken);
            case "staff" -> Api.withToken(Api.token(Api.unique("or-staff"), true, false, true));
            default -> RestAssured.given();
        };
        as = as.contentType(ContentType.JSON).body(Map.of("title", "rewritten"));
        String path = "/api/probe/or-posts/" + post + "/";
        Response response = switch (method.strip()) {
            case "PATCH" -> as.patch(path);
            case "PUT" -> as.put(path);
            default -> as.get(path);
        };
        assertEquals(status, response.statusCode(), response.asString());
        if (detail != null) {
            assertEquals(detail, response.asString());
        }
        boolean written = status == 200 && !method.strip().equals("GET");
        assertEquals(written ? "rewritten" : "as written", RestAssured.get("/api/posts/" + post + "/").jsonPath().getString("title"));
    }
}
