package dev.portcullis.api;

import dev.portcullis.accounts.PasswordChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A sign-in that finds every password check taken and as many sign-ins waiting is refused at once, with DRF's
 * throttled answer; once the checks are done, the same sign-in succeeds.
 */
@QuarkusTest
class SignInsAtOnceTest {

    @Inject
    PasswordChecks checks;

    @Test
    void aSignInBeyondTheChecksAndTheWaitingIsRefusedThenLetThrough() throws Exception {
        Api.token("at-once");
        List<PasswordChecks.Turn> running = new ArrayList<>();
        ExecutorService waiting = Executors.newFixedThreadPool(checks.concurrent());
        List<Future<PasswordChecks.Turn>> queued = new ArrayList<>();
        try {
            for (int i = 0; i < checks.concurrent(); i++) {
                PasswordChecks.Turn turn = checks.admit();
                running.add(turn);
                turn.awaitCheck();
            }
            // Only once every check is held, or a waiting sign-in could take one first.
            for (int i = 0; i < checks.concurrent(); i++) {
                queued.add(waiting.submit(() -> {
                    PasswordChecks.Turn queuedTurn = checks.admit();
                    queuedTurn.awaitCheck();
                    return queuedTurn;
                }));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (checks.admitted() < 2 * checks.concurrent()) {
                    Thread.sleep(5);
                }
            });
            Response refused = signIn();
            assertEquals(429, refused.statusCode(), refused.asString());
            assertEquals(Map.of("detail", "Request was throttled. Expected available in 1 second."),
                    refused.jsonPath().getMap("$"));
            assertEquals("1", refused.header("Retry-After"));
            assertEquals("application/json", refused.contentType().split(";")[0]);
        } finally {
            running.forEach(PasswordChecks.Turn::close);
            for (Future<PasswordChecks.Turn> turn : queued) {
                turn.get().close();
            }
            waiting.shutdown();
        }
        Response signedIn = signIn();
        assertEquals(200, signedIn.statusCode(), signedIn.asString());
        assertEquals(40, signedIn.jsonPath().getString("token").length());
    }

    private static Response signIn() {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "at-once", "password", Api.PASSWORD)).post("/api/token/");
    }
}
