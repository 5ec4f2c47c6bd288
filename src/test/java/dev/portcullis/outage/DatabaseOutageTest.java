package dev.portcullis.outage;

import dev.portcullis.MachineTools;
import dev.portcullis.api.Api;
import dev.portcullis.database.TimedWaits;
import dev.portcullis.outage.PhasedLoad.Answer;
import dev.portcullis.outage.PhasedLoad.Request;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops the real PostgreSQL under load for six seconds, twice in a row, and starts it again each time. Once the
 * service knows the database is gone, a request that needs it is answered 503 with {@code Retry-After} at once,
 * never 500 and never a dropped connection; cached credentials and public endpoints keep answering 200; readiness
 * goes down and comes back, liveness stays up; the first write succeeds within a second of the database coming
 * back, both times; the listener for credential changes subscribes again (the cache serves, and hears a change
 * another replica announces); and every write acknowledged with 201 is there afterwards.
 */
@QuarkusTest
@TestProfile(RestartableDatabase.class)
class DatabaseOutageTest {

    private static final String UNAVAILABLE = "{\"detail\":\"Service temporarily unavailable, try again later.\"}";
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** The start of an outage, when the service cannot know yet: only its answers' bound is asserted. */
    private static final Duration NOTICING = Duration.ofSeconds(2);
    private static final long P95_TARGET_MILLIS = 250;
    private static final long FIRST_WRITE_TARGET_MILLIS = 1000;
    /** Fewer answers than this to a request's two clients each second, and they are waiting instead of being told. */
    private static final int MINIMUM_ANSWERS_PER_SECOND = 20;
    private static final Set<String> NEED_NO_DATABASE = Set.of("GET /api/private/", "GET /api/public/");

    private PhasedLoad load;

    @Test
    void twoOutagesInARowAreAnsweredAtOnceAndRecoveredFromWithNothingLost() throws Exception {
        MachineTools.require(TimedWaits.honoured(), "on Java " + Runtime.version() + " a request waiting for a pooled "
                + "connection may wait out the whole outage (JDK-8301341); this test needs Java 21.0.2 or newer");
        load = new PhasedLoad(RestAssured.port);
        String username = Api.unique("outage");
        String token = Api.token(username);
        Request cached = new Request("GET", "/api/private/", token, null);
        assertEquals(200, load.send("warm-up", cached).status(), "the token is now cached");
        Request write = new Request("POST", "/api/posts/", token, "{\"title\": \"under load\", \"published\": true}");
        long existing = Api.post(token, "before the outages", true);

        load.start(cached, 2).start(new Request("GET", "/api/public/", null, null), 2).start(write, 2)
                .start(new Request("GET", "/api/posts/" + existing + "/", null, null), 2);
        Thread.sleep(1000);
        List<Long> firstWrites = new ArrayList<>();
        List<Long> listeningBeforeLogins = new ArrayList<>();
        List<Integer> readinessDuring = new ArrayList<>();
        List<Integer> livenessDuring = new ArrayList<>();
        for (int outage = 1; outage <= 2; outage++) {
            load.phase("outage " + outage + " noticing");
            RestartableDatabase.stop();
            load.mark("PostgreSQL stopped");
            Thread.sleep(NOTICING.toMillis());
            load.phase("outage " + outage);
            readinessDuring.add(health("/q/health/ready"));
            livenessDuring.add(health("/q/health/live"));
            Thread.sleep(OUTAGE.minus(NOTICING).toMillis());
            load.phase("recovery " + outage);
            listeningBeforeLogins.add(RestartableDatabase.start());
            load.mark("PostgreSQL accepts logins");
            firstWrites.add(load.millisUntil("probe", write, 201));
            load.phase("after " + outage);
            Thread.sleep(1500);
        }
        List<Answer> answers = load.stop();

        Map<String, Latencies> byPhase = Latencies.group(answers, Answer::phase);
        Map<String, Latencies> byRequestDuringOutages = Latencies.group(
                answers.stream().filter(a -> a.phase().matches("outage \\d")).toList(),
                a -> a.phase() + ", " + a.request());
        List<Long> acknowledged = answers.stream().filter(a -> a.status() == 201)
                .map(a -> Long.parseLong(a.body().replaceAll(".*\"id\":(\\d+).*", "$1"))).toList();
        List<Long> found = RestartableDatabase.query("SELECT id FROM posts WHERE id = ANY (?)",
                (Object) acknowledged.toArray(Long[]::new));
        System.err.printf("Outage figures: by phase %s; during the outages (after their first %d s), by outage and request %s; "
                        + "first write %s ms after PostgreSQL accepted logins (it listened %s ms before); writes acknowledged %d, found %d; "
                        + "answers over a second %s; timeline %s%n",
                byPhase, NOTICING.toSeconds(), byRequestDuringOutages, firstWrites, listeningBeforeLogins, acknowledged.size(), found.size(),
                answers.stream().filter(a -> a.millis() > 1000).toList(), load.timeline());

        for (Answer answer : answers) {
            assertNull(answer.dropped(), "no connection is dropped: " + answer);
            assertTrue(Set.of(200, 201, 503).contains(answer.status()), answer.toString());
            if (answer.status() == 503) {
                assertEquals(UNAVAILABLE, answer.body(), answer.toString());
                assertEquals("5", answer.retryAfter(), answer.toString());
            }
            // Once changes are heard again, the credential cache starts afresh (it may have missed a revocation), so
            // right after recovery a token's first request needs the database like any other.
            if (NEED_NO_DATABASE.contains(answer.request()) && !answer.phase().startsWith("recovery")) {
                assertEquals(200, answer.status(), "needs no database: " + answer);
            }
            assertTrue(answer.millis() < 6000, "even while the outage is being noticed: " + answer + "; timeline "
                    + load.timeline());
        }
        long seconds = OUTAGE.minus(NOTICING).toSeconds();
        for (int outage = 1; outage <= 2; outage++) {
            assertTrue(firstWrites.get(outage - 1) <= FIRST_WRITE_TARGET_MILLIS, "first writes " + firstWrites);
            String phase = "outage " + outage;
            Map<String, Latencies> byRequest = Latencies.group(
                    answers.stream().filter(a -> a.phase().equals(phase)).toList(), Answer::request);
            assertEquals(4, byRequest.size(), phase + ": " + byRequest);
            byRequest.forEach((request, during) -> {
                // Each request on its own: the public endpoint's thousands of quick answers must not hide the rest.
                assertTrue(during.p95() <= P95_TARGET_MILLIS, phase + ", " + request + ": " + during);
                assertTrue(during.count() >= MINIMUM_ANSWERS_PER_SECOND * seconds, phase + ", " + request + ": " + during);
                assertEquals(NEED_NO_DATABASE.contains(request) ? Set.of(200) : Set.of(503),
                        during.byStatus().keySet(), phase + ", " + request + ": " + during);
            });
        }
        assertEquals(List.of(503, 503), readinessDuring);
        assertEquals(List.of(200, 200), livenessDuring);
        assertEquals(200, health("/q/health/ready"));
        assertEquals(acknowledged.size(), found.size(), "acknowledged writes missing after the outages");

        theCacheHearsAnotherReplicaAgain(cached, username);
    }

    /**
     * The listener subscribed again: the cache serves the token although another replica deactivated its user
     * (the cache is on), and drops it within a second of that replica's announcement (the change was heard).
     */
    private void theCacheHearsAnotherReplicaAgain(Request cached, String username) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (RestartableDatabase.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                + "'portcullis-auth-changes'").get(0) == 0) {
            assertTrue(System.nanoTime() < deadline, "the listener did not connect again");
            Thread.sleep(50);
        }
        Thread.sleep(100);  // from naming its connection to LISTEN
        assertEquals(200, load.send("check", cached).status(), "verified, and cached");
        long userId = RestartableDatabase.query("SELECT id FROM users WHERE username = ?", username).get(0);
        // Unannounced (its trigger kept from announcing it), as a change the listener could miss.
        RestartableDatabase.execute("BEGIN; SET LOCAL session_replication_role = replica; "
                + "UPDATE users SET is_active = false WHERE id = ?; COMMIT", userId);
        assertEquals(200, load.send("check", cached).status(), "served from the cache, so the cache is on again");
        RestartableDatabase.execute("SELECT pg_notify('portcullis_auth_changes', ?)", Long.toString(userId));
        long heard = System.nanoTime();
        while (load.send("check", cached).status() != 401) {
            assertTrue(System.nanoTime() - heard < Duration.ofSeconds(1).toNanos(), "the change was not heard");
            Thread.sleep(20);
        }
    }

    private int health(String path) {
        return load.send("health", new Request("GET", path, null, null)).status();
    }
}
