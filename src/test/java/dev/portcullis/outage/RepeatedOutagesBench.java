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
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many outages in a row under the outage test's load — PostgreSQL stopped for two seconds and started again, 20
 * times by default — and the first write after each within a second of the server accepting connections: nothing
 * an outage leaves behind (in the pool, the listener, the circuit) slows the recovery from the next. About 90 s,
 * so not part of the test run:
 * <pre>./mvnw test -Dtest=RepeatedOutagesBench -Dsurefire.failIfNoSpecifiedTests=false [-Doutages=20]</pre>
 */
@QuarkusTest
@TestProfile(RestartableDatabase.class)
class RepeatedOutagesBench {

    private static final int OUTAGES = Integer.getInteger("outages", 20);
    private static final Duration OUTAGE = Duration.ofSeconds(2);
    /** Longer than the pool's warm-up after an outage, so that each outage begins from a pool at its full size. */
    private static final Duration BETWEEN = Duration.ofMillis(1500);
    private static final long FIRST_WRITE_TARGET_MILLIS = 1000;

    @Test
    void theFirstWriteAfterEachOfManyOutagesIsWithinASecond() throws Exception {
        MachineTools.require(TimedWaits.honoured(), "on Java " + Runtime.version() + " a request waiting for a pooled "
                + "connection may wait out the whole outage (JDK-8301341); this needs Java 21.0.2 or newer");
        PhasedLoad load = new PhasedLoad(RestAssured.port);
        String token = Api.token(Api.unique("outages"));
        Request write = new Request("POST", "/api/posts/", token, "{\"title\": \"again\", \"published\": true}");
        long existing = Api.post(token, "before the outages", true);
        load.start(new Request("GET", "/api/private/", token, null), 2)
                .start(new Request("GET", "/api/public/", null, null), 2).start(write, 2)
                .start(new Request("GET", "/api/posts/" + existing + "/", null, null), 2);
        List<Long> firstWrites = new ArrayList<>();
        for (int outage = 1; outage <= OUTAGES; outage++) {
            load.phase("outage " + outage);
            RestartableDatabase.stop();
            Thread.sleep(OUTAGE.toMillis());
            RestartableDatabase.start();
            load.phase("recovery " + outage);
            firstWrites.add(load.millisUntil("probe", write, 201));
            Thread.sleep(BETWEEN.toMillis());
        }
        List<Answer> answers = load.stop();

        List<Long> sorted = firstWrites.stream().sorted().toList();
        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        System.err.printf("Repeated outages: %d outages of %d s; first write after each (ms) %s; median %d, max %d; "
                        + "answers by status %s; over a second %d%n", OUTAGES, OUTAGE.toSeconds(), firstWrites,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), byStatus,
                answers.stream().filter(a -> a.millis() > 1000).count());
        for (Answer answer : answers) {
            assertNull(answer.dropped(), "no connection is dropped: " + answer);
            assertTrue(Set.of(200, 201, 503).contains(answer.status()), answer.toString());
        }
        assertEquals(List.of(), firstWrites.stream().filter(millis -> millis > FIRST_WRITE_TARGET_MILLIS).toList(),
                "first writes " + firstWrites);
    }
}
