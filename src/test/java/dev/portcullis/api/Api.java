package dev.portcullis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Black-box fixtures over HTTP only (so that the same tests can run against a packaged or native build):
 * users are made through the admin API with the bootstrap superuser of the test profile.
 */
public final class Api {

    public static final String ADMIN = "root";
    public static final String ADMIN_PASSWORD = "root-secret";
    public static final String PASSWORD = "correct-horse-battery";

    /**
     * Digits only: the password validators compare {@link #PASSWORD} with the username, and random letters
     * could make the two "too similar" now and then.
     */
    private static final int UNIQUE_DIGITS = 100_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static volatile String adminToken;

    private Api() {
    }

    /**
     * A fresh token for a user with exactly these flags: made with them, or — when an earlier test of the run made
     * that name — given them again, so that no test depends on what another left behind.
     */
    public static String token(String username, boolean staff, boolean verified, boolean active) {
        if (username.equals(ADMIN)) {
            throw new IllegalArgumentException("the bootstrap superuser's flags are not a fixture's to change: "
                    + "use adminToken()");
        }
        String admin = adminToken();
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("is_staff", staff);
        flags.put("is_superuser", false);
        flags.put("email_verified", verified);
        flags.put("is_active", active);
        Map<String, Object> user = new LinkedHashMap<>(flags);
        user.put("username", username);
        user.put("password", PASSWORD);
        user.put("email", username + "@example.com");
        var created = withToken(admin).contentType(ContentType.JSON).body(user).post("/api/admin/users/");
        boolean exists = created.statusCode() == 400
                && created.asString().equals("{\"username\":[\"A user with that username already exists.\"]}");
        if (exists) {
            withToken(admin).contentType(ContentType.JSON).body(flags).patch("/api/admin/users/" + username + "/")
                    .then().statusCode(200);
        } else if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + created.statusCode() + " "
                    + created.asString());
        }
        return json(withToken(admin).post("/api/admin/users/" + username + "/token/"), 200).get("token").asText();
    }

    /** A name no earlier test or run has used: {@code prefix-} and eight random digits. */
    public static String unique(String prefix) {
        return prefix + "-" + String.format("%08d", ThreadLocalRandom.current().nextInt(UNIQUE_DIGITS));
    }

    /** A token for a regular, active, unverified user. */
    public static String token(String username) {
        adminToken();
        return TOKENS.computeIfAbsent(username, u -> token(u, false, false, true));
    }

    /** A browser signed in as the user (made before): its session cookie and CSRF token. */
    public record Browser(String session, String csrf) {
    }

    public static Browser browser(String username) {
        var response = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD)).post("/api/auth/login/");
        if (response.statusCode() != 200 || !response.asString().equals("{\"username\":\"" + username + "\"}")) {
            throw new IllegalStateException("login of " + username + ": " + response.statusCode() + " " + response.asString());
        }
        return new Browser(response.getCookie("sessionid"), response.getCookie("csrftoken"));
    }

    /**
     * The answer's JSON, once it has the status expected. RestAssured's {@code path} and {@code jsonPath} compile a
     * Groovy expression per call, milliseconds each: a fixture that every test calls reads its answer here.
     */
    public static JsonNode json(Response response, int expectedStatus) {
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + ", got " + response.statusCode() + " "
                    + response.asString());
        }
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plain HTTP/1.1 client, to keep open for a loop of thousands of requests: each costs its client a third of
     * what a RestAssured request costs.
     */
    public static HttpClient plainClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Where the service under test listens (the JVM's, or the packaged artifact's), for {@link #plainClient()}. */
    public static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** The {@code field} of each object of a JSON array, as numbers (the ids of a list, say). */
    public static List<Long> longs(JsonNode objects, String field) {
        List<Long> values = new ArrayList<>();
        objects.forEach(object -> values.add(object.get(field).asLong()));
        return values;
    }

    public static String adminToken() {
        if (adminToken == null) {
            adminToken = json(RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).post("/api/token/"), 200)
                    .get("token").asText();
        }
        return adminToken;
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Token " + token);
    }

    /** A post made by the token's user; returns its id. */
    public static int post(String token, String title, boolean published) {
        return json(withToken(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", "text of " + title, "published", published))
                .post("/api/posts/"), 201).get("id").asInt();
    }

    /**
     * Documents created by the user, who may then view exactly these (the creator's grants) and none other; the
     * user is granted {@code add_document}. Returns their ids, in the order of the titles.
     */
    public static List<Long> documentsOf(String user, List<String> titles) {
        String token = token(user);
        grant(modelGrant("username", user, "add_document"), false);
        return titles.stream().map(title -> document(token, title)).toList();
    }

    /** A document made by the token's user (who must hold {@code add_document}); returns its id. */
    public static long document(String token, String title) {
        return json(withToken(token).contentType(ContentType.JSON).body(Map.of("title", title))
                .post("/api/documents/"), 201).get("id").asLong();
    }

    /** Grants (or, with {@code revoke}, revokes) through the admin API; {@code grant} is the request body. */
    public static void grant(Map<String, Object> grant, boolean revoke) {
        RequestSpecification request = withToken(adminToken()).contentType(ContentType.JSON).body(grant);
        (revoke ? request.delete("/api/admin/grants/") : request.post("/api/admin/grants/"))
                .then().statusCode(revoke ? 204 : 201);
    }

    /** A model permission for a user ({@code username}) or a group ({@code group}). */
    public static Map<String, Object> modelGrant(String kind, String name, String permission) {
        return Map.of(kind, name, "permission", permission);
    }

    /** A permission on one object for a user ({@code username}) or a group ({@code group}). */
    public static Map<String, Object> objectGrant(String kind, String name, String permission, String type, long id) {
        return Map.of(kind, name, "permission", permission, "object_type", type, "object_id", id);
    }

    /** A new group with one member. */
    public static void group(String name, String member) {
        withToken(adminToken()).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/admin/groups/").then().statusCode(201);
        withToken(adminToken()).contentType(ContentType.JSON).body(Map.of("username", member))
                .post("/api/admin/groups/" + name + "/members/").then().statusCode(201);
    }
}
