package dev.portcullis.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy of every endpoint, and explanations that agree with what the guard really does. */
@QuarkusTest
class IntrospectionTest {

    private static final Set<Integer> PAST_THE_GUARD = Set.of(200, 201, 204, 400, 404);

    private static RequestSpecification admin() {
        return Api.withToken(Api.adminToken());
    }

    private static List<Map<String, Object>> endpoints() {
        return admin().get("/api/_meta/endpoints/").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void endpointsListEveryActionWithItsClassesAndTheirSource() {
        List<Map<String, Object>> endpoints = endpoints();
        Map<String, Object> destroy = find(endpoints, "DELETE", "/api/posts/{id}/");
        assertEquals("destroy", destroy.get("action"));
        assertEquals(List.of("IsAuthenticated", "IsAdminOrOwner"), destroy.get("permissions"));
        assertEquals("programmatic", destroy.get("permissions_source"));
        assertEquals(List.of("TokenAuthentication", "JWTAuthentication", "SessionAuthentication"),
                destroy.get("authentication"));
        assertEquals("global default", destroy.get("authentication_source"));

        Map<String, Object> data = find(endpoints, "GET", "/api/data/");
        assertEquals("global default", data.get("permissions_source"));
        Map<String, Object> register = find(endpoints, "POST", "/api/register/");
        assertEquals(List.of(), register.get("authentication"));
        assertEquals("resource", register.get("authentication_source"));
        Map<String, Object> metadata = find(endpoints, "OPTIONS", "/api/posts/");
        assertEquals("metadata", metadata.get("action"));
        assertEquals(List.of("IsAuthenticated"), metadata.get("permissions"));
    }

    /** The lockfile's entries as the service runs them: one object per endpoint and action, the file's words. */
    @Test
    void policiesAreTheLockfilesEntries() {
        List<Map<String, Object>> policies = admin().get("/api/_meta/policies/").then().statusCode(200)
                .header("Content-Type", "application/json").extract().jsonPath().getList("$");
        Map<String, Object> destroy = policies.stream().filter(p -> p.get("endpoint").equals("DELETE /api/posts/{id}/"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("endpoint", "DELETE /api/posts/{id}/",
                "view", "PostResource, action destroy",
                "authentication", "TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]",
                "permissions", "IsAuthenticated, IsAdminOrOwner [getPermissions]",
                "anonymous", "refused",
                "object_checks", "on the path's object (IsAdminOrOwner)",
                "queryset", "PostResource.getQueryset — anonymous: o.published = true; "
                        + "user, staff, superuser: o.published = true or o.owner.id = :me (me: the caller's id)",
                "csrf", "required",
                "throttles", "AnonRateThrottle, UserRateThrottle"), destroy);
        assertEquals(List.of("GET /api/posts/", "GET /api/posts/{id}/"), policies.stream()
                .filter(p -> "allowed".equals(p.get("anonymous")) && p.get("endpoint").toString().startsWith("GET /api/posts/"))
                .map(p -> p.get("endpoint")).toList());
        assertEquals(403, Api.withToken(Api.token("intro-user")).get("/api/_meta/policies/").statusCode());
    }

    @Test
    void introspectionIsForStaffOnly() {
        assertEquals(403, Api.withToken(Api.token("intro-user")).get("/api/_meta/endpoints/").statusCode());
        assertEquals(401, RestAssured.given().contentType(ContentType.JSON).body("{}").post("/api/_meta/explain/").statusCode());
    }

    /**
     * An explanation about an object is about one the asker could read, unless the asker is a superuser: a staff user
     * cannot learn through it that another user's draft exists, or whose it is.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} asks about a {1} post for its owner -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "staff    |draft    |404",
            "staff    |published|200",
            "superuser|draft    |200",
            "owner    |draft    |200",
    })
    void explanationsAboutObjectsAreTheAskersToRead(String asker, String kind, int status) {
        String owner = Api.unique("explained-owner");
        int post = Api.post(Api.token(owner), "explain " + kind, kind.equals("published"));
        String token = switch (asker) {
            case "staff" -> Api.token("intro-staff", true, false, true);
            case "owner" -> Api.token(owner, true, false, true);
            default -> Api.adminToken();
        };
        Response response = Api.withToken(token).contentType(ContentType.JSON)
                .body(Map.of("username", owner, "method", "GET", "path", "/api/posts/" + post + "/", "object_id", post))
                .post("/api/_meta/explain/");
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 404) {
            assertEquals("{\"detail\":\"Not found.\"}", response.asString());
        } else {
            assertEquals(true, response.jsonPath().getBoolean("allowed"));
        }
    }

    @Test
    void explainShowsEachVerdict() {
        int post = Api.post(Api.token("intro-owner"), "explained", true);
        Response response = admin().contentType(ContentType.JSON)
                .body(Map.of("username", "intro-user", "method", "PUT", "path", "/api/posts/" + post + "/", "object_id", post))
                .post("/api/_meta/explain/");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(false, response.jsonPath().getBoolean("allowed"));
        assertEquals(403, response.jsonPath().getInt("status"));
        assertEquals("update", response.jsonPath().getString("action"));
        assertEquals(List.of("IsAuthenticated", "IsOwnerOrReadOnly", "IsAuthenticated", "IsOwnerOrReadOnly"),
                response.jsonPath().getList("permissions.permission"));
        assertEquals(List.of("request", "request", "object", "object"), response.jsonPath().getList("permissions.level"));
        assertEquals(List.of(true, true, true, false), response.jsonPath().getList("permissions.allowed"));
        assertTrue(response.jsonPath().getString("permissions[3].hint").contains("belongs to another user"));
        assertEquals("TokenAuthentication", response.jsonPath().getString("authentication[0].authentication_class"));
    }

    @Test
    void explainRefusesBadQuestions() {
        Response response = admin().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-at-all", "method", "FETCH", "path", "api")).post("/api/_meta/explain/");
        assertEquals(400, response.statusCode());
        assertEquals(Map.of("method", List.of("Not a supported HTTP method."), "path", List.of("Must start with '/'.")),
                response.jsonPath().getMap("$"));
        Response unknownPath = admin().contentType(ContentType.JSON)
                .body(Map.of("method", "GET", "path", "/api/nowhere/")).post("/api/_meta/explain/");
        assertEquals(404, unknownPath.statusCode());
    }

    private static final Set<String> SIGN_THE_CALLER_OUT = Set.of("POST /api/auth/logout-all/",
            "DELETE /api/auth/devices/{id}/");

    /** For every endpoint and action, and for anonymous, a regular user and staff: explain agrees with the guard. */
    @Test
    @SuppressWarnings("unchecked")
    void explainAgreesWithTheRealRequestEverywhere() {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("intro-user", Api.token("intro-user"));
        tokens.put("intro-staff", Api.token("intro-staff", true, false, true));
        Api.token("intro-target");
        int checked = 0;
        for (Map<String, Object> endpoint : endpoints()) {
            String method = (String) endpoint.get("method");
            String template = (String) endpoint.get("path");
            if (template.startsWith("/api/examples/")) {
                // The examples' handlers call services guarded by their own @Permissions, which a look at the
                // endpoint's policy cannot foresee (the explanation says what the guard lets through).
                continue;
            }
            if (SIGN_THE_CALLER_OUT.contains(method + " " + template)) {
                // Let through, they would sign out the very credentials the walk goes on with (DevicesTest's).
                continue;
            }
            for (String user : new String[]{null, "intro-user", "intro-staff"}) {
                String objectId = template.contains("{id}") ? String.valueOf(Api.post(Api.token("intro-owner"), "x", true)) : null;
                String path = template.replace("{id}", objectId == null ? "1" : objectId).replace("{username}", "intro-target")
                        .replace("{name}", "intro-group");
                Map<String, Object> question = new HashMap<>(Map.of("method", method, "path", path));
                if (user != null) {
                    question.put("username", user);
                }
                if (objectId != null) {
                    question.put("object_id", objectId);
                }
                Response explainedAnswer = admin().contentType(ContentType.JSON).body(question).post("/api/_meta/explain/");
                JsonNode explained = Api.json(explainedAnswer, 200);
                RequestSpecification real = RestAssured.given();
                List<String> classes = (List<String>) endpoint.get("authentication");
                if (user != null && !classes.isEmpty()) {
                    withCredential(real, classes.get(0), user, tokens.get(user));
                }
                int status = real.contentType(ContentType.JSON).body("{}").request(method, path).statusCode();
                String where = method + " " + path + " as " + user + ": explain " + explained + ", real " + status;
                if (explained.get("allowed").asBoolean()) {
                    // Let through, the request meets the endpoint's own code: an answer, or its refusal of the
                    // empty body, or no such object — never a denial, and never a failure.
                    assertTrue(PAST_THE_GUARD.contains(status), where);
                } else {
                    assertEquals(explained.get("status").asInt(), status, where);
                }
                checked++;
            }
        }
        assertTrue(checked > 90, "checked " + checked);
    }

    /** Adds the credential of the endpoint's first authentication class, as the explanation assumes. */
    private static void withCredential(RequestSpecification request, String authenticationClass, String user,
                                       String token) {
        switch (authenticationClass) {
            case "TokenAuthentication" -> request.header("Authorization", "Token " + token);
            case "BasicAuthentication" -> request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + Api.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            case "JWTAuthentication" -> request.header("Authorization", "Bearer " + Api.json(RestAssured.given()
                    .contentType(ContentType.JSON).body(Map.of("username", user, "password", Api.PASSWORD))
                    .post("/api/jwt/create/"), 200).get("access").asText());
            case "SessionAuthentication" -> {
                Response login = RestAssured.given().contentType(ContentType.JSON)
                        .body(Map.of("username", user, "password", Api.PASSWORD)).post("/api/auth/login/");
                request.cookies(login.getCookies()).header("X-CSRFToken", login.getCookie("csrftoken"));
            }
            default -> throw new IllegalArgumentException(authenticationClass);
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> endpoints, String method, String path) {
        return endpoints.stream().filter(e -> method.equals(e.get("method")) && path.equals(e.get("path")))
                .findFirst().orElseThrow(() -> new AssertionError(method + " " + path + " not listed"));
    }
}
