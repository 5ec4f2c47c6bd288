package dev.portcullis.accounts;

import dev.portcullis.api.Api;
import dev.portcullis.security.core.AuthenticationFailure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cached credentials skip the database, and still die at once when their user or tokens change — here, on
 * another replica, or straight in the database (the tables announce their own changes). A change made with the
 * tables' triggers off stands for an announcement that was lost: only then does the cache answer for the database.
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

    /** A change that announces nothing: the statement run with the tables' triggers off (a replica's session role). */
    private void silently(String statement, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SET LOCAL session_replication_role = replica");
            try (PreparedStatement prepared = connection.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    prepared.setObject(i + 1, parameters[i]);
                }
                prepared.execute();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /**
     * Uses the token until the cache holds it. A verification that overlapped a change heard on the channel (of its
     * user, or of another in the same stripe) is not cached, by design; the next use is.
     */
    private void awaitCached(String token) throws InterruptedException {
        String credential = "token:" + token;
        long start = System.nanoTime();
        while (cache.remembered(credential).isEmpty()) {
            if (System.nanoTime() - start > 1_000_000_000L) {
                throw new AssertionError("the token is still not cached after one second");
            }
            Thread.sleep(20);
            Api.withToken(token).get("/api/me/").then().statusCode(200);
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
        awaitListening();
        String token = Api.token("cache-user", false, false, true);
        long id = userId(token);
        awaitCached(token);

        silently("DELETE FROM auth_tokens WHERE user_id = ?", id);
        assertEquals(200, Api.withToken(token).get("/api/me/").statusCode(), "served from the cache");

        sql("SELECT pg_notify('portcullis_auth_changes', ?)", Long.toString(id));
        long millis = millisUntil(401, "Token " + token);
        assertTrue(millis < 1000, millis + " ms");
    }

    /** An operator's statement in SQL is announced by the table itself: no replica has to. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "DELETE FROM auth_tokens WHERE user_id = ?              |Invalid token.",
            "UPDATE auth_tokens SET expires_at = now() WHERE user_id = ? |Invalid token.",
            "UPDATE users SET is_active = false WHERE id = ?        |User inactive or deleted.",
            "DELETE FROM users WHERE id = ?                         |Invalid token.",
    })
    void aChangeMadeInSqlIsHeardWithinASecond(String statement, String refusal) throws Exception {
        String token = Api.token(Api.unique("cache-sql"), false, false, true);
        long id = userId(token);
        assertEquals(200, Api.withToken(token).get("/api/me/").statusCode(), "cached");
        sql(statement.strip(), id);
        long millis = millisUntil(401, "Token " + token);
        assertTrue(millis < 1000, millis + " ms");
        assertEquals(Map.of("detail", refusal), Api.withToken(token).get("/api/me/").jsonPath().getMap("$"));
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

    /**
     * The verify-then-cache race: a verification that read the database before a revocation of its user was
     * heard must not put its answer in the cache after it.
     */
    @Test
    void aVerificationOverlappingARevocationIsNotCached() {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("racer")).build();
        long ticket = cache.ticket();
        cache.forgetUser(4242);
        cache.put("token:race", identity, 4242, null, ticket);
        assertTrue(cache.remembered("token:race").isEmpty(), "verified before the revocation was heard: not cached");

        cache.put("token:race", identity, 4242, null, cache.ticket());
        assertTrue(cache.remembered("token:race").isPresent(), "verified after it: cached");
        cache.forgetUser(4242);
        cache.put("token:other-user", identity, 4243, null, ticket);
        assertTrue(cache.remembered("token:other-user").isPresent(), "another user's revocation does not matter");
        cache.forgetUser(4243);
    }

    /**
     * The listener's connection, once its backend is terminated, is never lent again: a request that borrows from
     * the pool at that moment gets a working connection, not the broken one the listener had.
     */
    @Test
    void theListenersBrokenConnectionIsNotLentToAnyone() throws Exception {
        for (int round = 0; round < 10; round++) {
            awaitListening();
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                    AuthChangeListener.APPLICATION_NAME);
            for (int borrower = 0; borrower < 8; borrower++) {
                try (Connection connection = dataSource.getConnection();
                     var rows = connection.createStatement().executeQuery("SELECT 1")) {
                    assertTrue(rows.next(), "round " + round + ", borrower " + borrower);
                }
            }
        }
        awaitListening();
    }

    private void awaitListening() throws InterruptedException {
        long start = System.nanoTime();
        while (!cache.listening()) {
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the listener reconnects");
            Thread.sleep(20);
        }
    }

    /**
     * A listener whose backend is terminated (as a pooler or an administrator may do) switches the cache off at
     * once: a token revoked at that moment — its announcement lost with the listener — is refused within a second,
     * and the cache comes back once the listener has reconnected.
     */
    @Test
    void losingTheListenerTurnsTheCacheOffUntilItIsBack() throws Exception {
        String token = Api.token("cache-listener-cut", false, false, true);
        long id = userId(token);
        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                AuthChangeListener.APPLICATION_NAME);
        sql("DELETE FROM auth_tokens WHERE user_id = ?", id);
        long millis = millisUntil(401, "Token " + token);
        assertTrue(millis < 1000, millis + " ms");

        awaitListening();
        String again = Api.token("cache-listener-back", false, false, true);
        long backId = userId(again);
        silently("DELETE FROM auth_tokens WHERE user_id = ?", backId);
        assertEquals(200, Api.withToken(again).get("/api/me/").statusCode(), "cached again");
    }

    /**
     * A refused credential is whatever a client sent, up to the header's limit: the cache keeps its digest, not the
     * credential. Before, 3,000 refused 15 KB bearer tokens from one anonymous client ran the service out of its
     * 64 MB heap.
     */
    @Test
    void aFloodOfLongRefusedCredentialsKeepsOnlyTheirDigests() {
        AuthenticationFailure failure = new AuthenticationFailure("Invalid token.");
        String filler = "x".repeat(50_000);
        long before = retainedHeap();
        for (int i = 0; i < 2_000; i++) {
            cache.reject("jwt:flood-" + i + filler, failure);
        }
        long grown = retainedHeap() - before;

        assertTrue(grown < 20_000_000, "2,000 refused credentials of 50,000 characters (100 MB) retained " + grown + " bytes");
        assertSame(failure, assertThrows(AuthenticationFailure.class, () -> cache.remembered("jwt:flood-7" + filler)),
                "a refused credential is still answered from the cache");
        assertTrue(cache.remembered("jwt:flood-7" + filler + "y").isEmpty(), "another credential is not");
    }

    /**
     * A verified credential is answered until its own expiry or the cache's time to live (five minutes here),
     * whichever comes first — and not after, while its entry is still kept. Milliseconds; none: no expiry.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # expires in | asked after | answered
            none         | 0           | true
            3600000      | 0           | true
            -1000        | 0           | false
            1000         | 0           | true
            1000         | 1500        | false
            """)
    void aCachedCredentialIsAnsweredUntilItExpires(Long expiresIn, long askedAfter, boolean answered)
            throws InterruptedException {
        awaitListening();
        String credential = "jwt:expiring-" + System.nanoTime();
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("expiring")).build();
        cache.put(credential, identity, -7, expiresIn == null ? null : Instant.now().plusMillis(expiresIn), cache.ticket());

        Thread.sleep(askedAfter);  // the credential's expiry is read from the clock: there is no event to await
        assertEquals(answered, cache.remembered(credential).isPresent());
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
