package dev.portcullis.accounts;

import dev.portcullis.api.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cached credentials skip the database, and still die at once when their user or tokens change — here or on
 * another replica (a change made straight in the database, then announced as a replica announces it).
 */
@QuarkusTest
class CredentialCacheTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CredentialCache cache;

    private long userId(String token) {
        return Api.withToken(token).get("/api/me/").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.execute();
        }
    }

    /** Polls until the request answers the status, for at most the second the contract allows. */
    private static long millisUntil(int status, String authorization) throws InterruptedException {
        long start = System.nanoTime();
        while (RestAssured.given().header("Authorization", authorization).get("/api/me/").statusCode() != status) {
            if (System.nanoTime() - start > 1_000_000_000L) {
                throw new AssertionError("still not " + status + " after one second");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aCachedTokenNeedsNoDatabaseUntilAReplicaAnnouncesItsRevocation() throws Exception {
        assertTrue(cache.listening(), "the cache hears changes");
        String token = Api.token("cache-user", false, false, true);
        long id = userId(token);

        sql("DELETE FROM auth_tokens WHERE user_id = ?", id);
        assertEquals(200, Api.withToken(token).get("/api/me/").statusCode(), "served from the cache");

        sql("SELECT pg_notify('portcullis_auth_changes', ?)", Long.toString(id));
        long millis = millisUntil(401, "Token " + token);
        assertTrue(millis < 1000, millis + " ms");
    }

    @Test
    void revocationThroughTheApiTakesEffectAtOnce() {
        String token = Api.token("cache-revoked", false, false, true);
        userId(token);
        Api.withToken(Api.adminToken()).delete("/api/admin/users/cache-revoked/token/").then().statusCode(204);
        assertEquals(401, Api.withToken(token).get("/api/me/").statusCode());
    }

    @Test
    void aCachedJwtDiesWhenItsUserIsDeactivatedOrLosesStaff() throws Exception {
        Api.token("cache-mobile", true, false, true);
        String access = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "cache-mobile", "password", Api.PASSWORD))
                .post("/api/jwt/create/").then().statusCode(200).extract().path("access");
        String bearer = "Bearer " + access;
        RestAssured.given().header("Authorization", bearer).get("/api/admin-only/").then().statusCode(200);

        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("is_staff", false))
                .patch("/api/admin/users/cache-mobile/").then().statusCode(200);
        RestAssured.given().header("Authorization", bearer).get("/api/admin-only/").then().statusCode(403);

        long id = RestAssured.given().header("Authorization", bearer).get("/api/me/").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        sql("UPDATE users SET is_active = false WHERE id = ?", id);
        sql("SELECT pg_notify('portcullis_auth_changes', ?)", Long.toString(id));
        assertTrue(millisUntil(401, bearer) < 1000);
    }
}
