package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code DELETE /api/admin/users/{username}/}: the user goes with everything that is theirs (Django's
 * {@code CASCADE}), a document they created stays without its creator ({@code SET_NULL}), and every credential
 * they held is refused at once — a token, a session, a JWT access and refresh token.
 */
@QuarkusTest
class UserDeletionTest {

    /** What is the user's, counted by the user's id. */
    private static final Map<String, String> THEIRS = Map.of(
            "posts", "SELECT count(*) FROM posts WHERE owner_id = ?",
            "tokens", "SELECT count(*) FROM auth_tokens WHERE user_id = ?",
            "sessions", "SELECT count(*) FROM sessions WHERE user_id = ?",
            "model grants", "SELECT count(*) FROM model_grants WHERE user_id = ?",
            "object grants", "SELECT count(*) FROM object_grants WHERE user_id = ?",
            "group memberships", "SELECT count(*) FROM group_members WHERE user_id = ?",
            "the user", "SELECT count(*) FROM users WHERE id = ?");

    @Inject
    AgroalDataSource database;

    private Map<String, Long> countsOf(long userId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = database.getConnection()) {
            for (Map.Entry<String, String> query : new java.util.TreeMap<>(THEIRS).entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(query.getValue())) {
                    statement.setLong(1, userId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(query.getKey(), rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    @Test
    void theUserGoesWithEverythingThatIsTheirs() throws SQLException {
        String name = Api.unique("leaver");
        String token = Api.token(name);
        long id = Api.withToken(token).get("/api/me/").then().statusCode(200).extract().jsonPath().getLong("id");
        Api.post(token, "a post of theirs", true);
        Api.Browser browser = Api.browser(name);
        Map<String, String> jwt = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", Api.PASSWORD)).post("/api/jwt/create/")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Api.grant(Api.modelGrant("username", name, "add_note"), false);
        long document = Api.documentsOf(Api.unique("owner"), List.of("shared")).get(0);
        Api.grant(Api.objectGrant("username", name, "view_document", "document", document), false);
        String group = Api.unique("leavers");
        Api.group(group, name);
        Map<String, Long> before = countsOf(id);
        before.forEach((what, count) -> assertEquals(true, count > 0, what + " before: " + before));

        Response deleted = Api.withToken(Api.adminToken()).delete("/api/admin/users/" + name + "/");
        assertEquals(204, deleted.statusCode(), deleted.asString());
        assertEquals("", deleted.asString());

        countsOf(id).forEach((what, count) -> assertEquals(0L, count, what + " after the delete"));
        assertRefused(Api.withToken(token).get("/api/me/"), "{\"detail\":\"Invalid token.\"}");
        assertRefused(RestAssured.given().header("Authorization", "Bearer " + jwt.get("access")).get("/api/me/"),
                "{\"detail\":\"User not found\",\"code\":\"user_not_found\"}");
        assertRefused(RestAssured.given().cookie("sessionid", browser.session()).get("/api/me/"),
                "{\"detail\":\"Authentication credentials were not provided.\"}");
        assertRefused(RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh", jwt.get("refresh")))
                .post("/api/jwt/refresh/"), "{\"detail\":\"No active account found for the given token.\"}");
        Api.withToken(Api.adminToken()).get("/api/documents/" + document + "/").then().statusCode(200);
    }

    private static void assertRefused(Response response, String body) {
        assertEquals(401, response.statusCode(), response.asString());
        assertEquals(io.restassured.path.json.JsonPath.from(body).getMap("$"), response.jsonPath().getMap("$"));
    }

    @ParameterizedTest(name = "{0} deletes {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "a regular user |someone          |403|{\"detail\":\"You do not have permission to perform this action.\"}",
            "anonymous      |someone          |401|{\"detail\":\"Authentication credentials were not provided.\"}",
            "the superuser  |no-such-user-ever|404|{\"detail\":\"Not found.\"}",
    })
    void onlyAdministratorsDeleteUsers(String who, String target, int status, String body) {
        String victim = Api.unique("kept");
        String victimToken = Api.token(victim);
        var request = switch (who.strip()) {
            case "a regular user" -> Api.withToken(Api.token(Api.unique("bystander")));
            case "anonymous" -> RestAssured.given();
            default -> Api.withToken(Api.adminToken());
        };
        Response response = request.delete("/api/admin/users/" + (target.equals("someone") ? victim : target) + "/");
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(io.restassured.path.json.JsonPath.from(body).getMap("$"), response.jsonPath().getMap("$"));
        Api.withToken(victimToken).get("/api/me/").then().statusCode(200);
    }
}
