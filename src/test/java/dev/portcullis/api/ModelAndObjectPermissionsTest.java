package dev.portcullis.api;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every method of {@code /api/notes/} (model permissions) and {@code /api/documents/} (object permissions)
 * for users holding no grant, a model grant, an object grant, both, a group's grants, or revoked grants.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class ModelAndObjectPermissionsTest {

    private static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String NO_PERMISSION = "You do not have permission to perform this action.";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The permission a method needs: DRF's map, with {@code view} for reads as object permissions use it. */
    private static String codename(String method, String model) {
        return switch (method) {
            case "POST" -> "add_" + model;
            case "PUT", "PATCH" -> "change_" + model;
            case "DELETE" -> "delete_" + model;
            default -> "view_" + model;
        };
    }

    /**
     * A fresh actor holding what {@code grants} says, for the method's permission: {@code none}, {@code model},
     * {@code object} (on the object), {@code view} (view on the object), {@code group} (a group holding model
     * and object grants), {@code revoked} (model and object granted, then revoked), joined by {@code +};
     * or {@code anonymous}, {@code staff} (no grants), {@code superuser}.
     */
    private static RequestSpecification actor(String grants, String method, String model, long objectId) {
        if (grants.equals("anonymous")) {
            return RestAssured.given();
        }
        if (grants.equals("superuser")) {
            return Api.withToken(Api.adminToken());
        }
        String user = "perm-" + SEQUENCE.incrementAndGet();
        String token = Api.token(user, grants.equals("staff"), true, true);
        String permission = codename(method, model);
        for (String grant : grants.split("\\+")) {
            switch (grant) {
                case "model" -> Api.grant(Api.modelGrant("username", user, permission), false);
                case "object" -> Api.grant(Api.objectGrant("username", user, permission, model, objectId), false);
                case "view" -> Api.grant(Api.objectGrant("username", user, "view_" + model, model, objectId), false);
                case "group" -> {
                    Api.group(user + "-group", user);
                    Api.grant(Api.modelGrant("group", user + "-group", permission), false);
                    if (objectId > 0) {
                        Api.grant(Api.objectGrant("group", user + "-group", permission, model, objectId), false);
                    }
                }
                case "revoked" -> {
                    for (boolean revoke : List.of(false, true)) {
                        Api.grant(Api.modelGrant("username", user, permission), revoke);
                        if (objectId > 0) {
                            Api.grant(Api.objectGrant("username", user, permission, model, objectId), revoke);
                        }
                    }
                }
                case "none", "staff" -> {
                }
                default -> throw new IllegalArgumentException(grant);
            }
        }
        return Api.withToken(token);
    }

    private static long create(String collection, Map<String, Object> body) {
        return Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(body).post(collection)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @ParameterizedTest(name = "notes: {0} ({1}) with {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "list          |GET   |anonymous|401",
            "list          |GET   |none     |200",
            "list          |GET   |staff    |200",
            "retrieve      |GET   |anonymous|401",
            "retrieve      |GET   |none     |200",
            "create        |POST  |anonymous|401",
            "create        |POST  |none     |403",
            "create        |POST  |staff    |403",
            "create        |POST  |model    |201",
            "create        |POST  |group    |201",
            "create        |POST  |revoked  |403",
            "create        |POST  |superuser|201",
            "update        |PUT   |anonymous|401",
            "update        |PUT   |none     |403",
            "update        |PUT   |model    |200",
            "update        |PUT   |group    |200",
            "update        |PUT   |revoked  |403",
            "partial_update|PATCH |none     |403",
            "partial_update|PATCH |model    |200",
            "partial_update|PATCH |group    |200",
            "partial_update|PATCH |revoked  |403",
            "destroy       |DELETE|anonymous|401",
            "destroy       |DELETE|none     |403",
            "destroy       |DELETE|staff    |403",
            "destroy       |DELETE|model    |204",
            "destroy       |DELETE|group    |204",
            "destroy       |DELETE|revoked  |403",
            "destroy       |DELETE|superuser|204",
    })
    void notes(String action, String method, String grants, int status) {
        long id = create("/api/notes/", Map.of("text", "note for " + action));
        String path = action.equals("list") || action.equals("create") ? "/api/notes/" : "/api/notes/" + id + "/";
        String stored = "/api/notes/" + id + "/";
        Map<String, Object> before = Api.withToken(Api.adminToken()).get(stored).jsonPath().getMap("$");
        Response response = actor(grants, method, "note", 0).contentType(ContentType.JSON)
                .body(Map.of("text", "changed")).request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        switch (status) {
            case 200, 201 -> {
                if (action.equals("list")) {
                    assertEquals(true, response.jsonPath().getList("id", Long.class).contains(id));
                } else {
                    assertEquals(List.of("id", "text"), List.copyOf(response.jsonPath().getMap("$").keySet()));
                    assertEquals(method.equals("GET") ? "note for " + action : "changed", response.jsonPath().get("text"));
                }
            }
            case 204 -> {
                assertEquals("", response.asString());
                assertEquals(404, Api.withToken(Api.adminToken()).get(path).statusCode());
            }
            default -> {
                assertDenied(response, status);
                assertEquals(before, Api.withToken(Api.adminToken()).get(stored).jsonPath().getMap("$"),
                        "a refused " + action + " left the note as it was");
            }
        }
    }

    @ParameterizedTest(name = "documents: {0} ({1}) with {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "list          |GET   |anonymous   |401|-",
            "list          |GET   |none        |200|hidden",
            "list          |GET   |model       |200|hidden",
            "list          |GET   |object      |200|listed",
            "list          |GET   |group       |200|listed",
            "list          |GET   |revoked     |200|hidden",
            "list          |GET   |superuser   |200|listed",
            "retrieve      |GET   |anonymous   |401|-",
            "retrieve      |GET   |none        |404|-",
            "retrieve      |GET   |staff       |404|-",
            "retrieve      |GET   |model       |404|-",
            "retrieve      |GET   |object      |200|-",
            "retrieve      |GET   |group       |200|-",
            "retrieve      |GET   |revoked     |404|-",
            "retrieve      |GET   |superuser   |200|-",
            "create        |POST  |anonymous   |401|-",
            "create        |POST  |none        |403|-",
            "create        |POST  |model       |201|-",
            "create        |POST  |group       |201|-",
            "create        |POST  |revoked     |403|-",
            "update        |PUT   |anonymous   |401|-",
            "update        |PUT   |none        |403|-",
            "update        |PUT   |model       |404|-",
            "update        |PUT   |object      |403|-",
            "update        |PUT   |view+model  |403|-",
            "update        |PUT   |model+object|404|-",
            "update        |PUT   |view+model+object|200|-",
            "update        |PUT   |group       |404|-",
            "update        |PUT   |view+group  |200|-",
            "update        |PUT   |revoked     |403|-",
            "update        |PUT   |superuser   |200|-",
            "partial_update|PATCH |none        |403|-",
            "partial_update|PATCH |model       |404|-",
            "partial_update|PATCH |object      |403|-",
            "partial_update|PATCH |view+model  |403|-",
            "partial_update|PATCH |model+object|404|-",
            "partial_update|PATCH |view+model+object|200|-",
            "partial_update|PATCH |group       |404|-",
            "partial_update|PATCH |view+group  |200|-",
            "destroy       |DELETE|anonymous   |401|-",
            "destroy       |DELETE|none        |403|-",
            "destroy       |DELETE|model       |404|-",
            "destroy       |DELETE|object      |403|-",
            "destroy       |DELETE|view+model  |403|-",
            "destroy       |DELETE|model+object|404|-",
            "destroy       |DELETE|view+model+object|204|-",
            "destroy       |DELETE|group       |404|-",
            "destroy       |DELETE|view+group  |204|-",
            "destroy       |DELETE|revoked     |403|-",
    })
    void documents(String action, String method, String grants, int status, String listed) {
        long id = create("/api/documents/", Map.of("title", "document for " + action, "content", "secret"));
        String path = action.equals("list") || action.equals("create") ? "/api/documents/" : "/api/documents/" + id + "/";
        String stored = "/api/documents/" + id + "/";
        Map<String, Object> before = Api.withToken(Api.adminToken()).get(stored).jsonPath().getMap("$");
        Response response = actor(grants, method, "document", id).contentType(ContentType.JSON)
                .body(Map.of("title", "changed")).request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        switch (status) {
            case 200, 201 -> {
                if (action.equals("list")) {
                    assertEquals(listed.equals("listed"), response.jsonPath().getList("id", Long.class).contains(id));
                } else {
                    assertEquals(List.of("id", "title", "content"), List.copyOf(response.jsonPath().getMap("$").keySet()));
                    assertEquals(method.equals("GET") ? "document for " + action : "changed",
                            response.jsonPath().get("title"));
                }
            }
            case 204 -> {
                assertEquals("", response.asString());
                assertEquals(404, Api.withToken(Api.adminToken()).get(path).statusCode());
            }
            default -> {
                assertDenied(response, status);
                assertEquals(before, Api.withToken(Api.adminToken()).get(stored).jsonPath().getMap("$"),
                        "a refused " + action + " left the document as it was");
            }
        }
    }

    private static void assertDenied(Response response, int status) {
        String detail = switch (status) {
            case 401 -> NOT_PROVIDED;
            case 403 -> NO_PERMISSION;
            default -> "Not found.";
        };
        assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
        assertEquals(status == 401 ? "Token" : null, response.header("WWW-Authenticate"));
        assertEquals("application/json", response.contentType());
    }

    @Test
    void theCreatorMayViewAndChangeWhatItCreatesButNotOthersDocuments() {
        String token = Api.token("doc-creator");
        Api.grant(Api.modelGrant("username", "doc-creator", "add_document"), false);
        Api.grant(Api.modelGrant("username", "doc-creator", "change_document"), false);
        long others = create("/api/documents/", Map.of("title", "not the creator's"));
        long own = Api.withToken(token).contentType(ContentType.JSON).body(Map.of("title", "mine"))
                .post("/api/documents/").then().statusCode(201).extract().jsonPath().getLong("id");

        List<Long> listed = Api.withToken(token).get("/api/documents/").then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class);
        assertEquals(List.of(own), listed);
        Api.withToken(token).contentType(ContentType.JSON).body(Map.of("title", "still mine"))
                .patch("/api/documents/" + own + "/").then().statusCode(200);
        Api.withToken(token).contentType(ContentType.JSON).body(Map.of("title", "theirs"))
                .patch("/api/documents/" + others + "/").then().statusCode(404);
    }

    @Test
    void deletingADocumentForgetsItsGrants() {
        long id = create("/api/documents/", Map.of("title", "short-lived"));
        String token = Api.token("doc-viewer");
        Api.grant(Api.objectGrant("username", "doc-viewer", "view_document", "document", id), false);
        Api.withToken(token).get("/api/documents/" + id + "/").then().statusCode(200);
        Api.withToken(Api.adminToken()).delete("/api/documents/" + id + "/").then().statusCode(204);
        Response revoke = Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Api.objectGrant("username", "doc-viewer", "view_document", "document", id))
                .delete("/api/admin/grants/");
        assertEquals(400, revoke.statusCode());
        assertEquals(Map.of("object_id", List.of("Invalid pk \"" + id + "\" - object does not exist.")),
                revoke.jsonPath().getMap("$"));
    }
}
