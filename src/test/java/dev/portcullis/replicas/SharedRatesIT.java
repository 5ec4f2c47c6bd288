package dev.portcullis.replicas;

import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas counting request rates in one Redis ({@code portcullis.throttle.store=redis}): a rate means the same
 * with two replicas as with one — requests sent to either are counted once, together — and while Redis is down
 * requests are answered, not counted, until it is back.
 */
class SharedRatesIT {

    private static final int ANONYMOUS_RATE = 4;
    private static final String THROTTLED = "\\{\"detail\":\"Request was throttled\\. Expected available in \\d+ seconds?\\.\"}";
    /** How long a replica leaves Redis alone after a failure, and a little more. */
    private static final long PAUSE_MILLIS = 5_500;

    private static EmbeddedPostgres database;
    private static RedisServer redis;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        database = EmbeddedPostgres.start();
        Map<String, String> environment = new HashMap<>(Replica.on(database));
        environment.putAll(Map.of("PORTCULLIS_THROTTLE_STORE", "redis", "QUARKUS_REDIS_HOSTS", redis.uri(),
                "PORTCULLIS_THROTTLE_ANON_RATE", ANONYMOUS_RATE + "/minute",
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true"));
        List<Replica> replicas = Replica.startTogether("rates-a", environment, "rates-b", environment);
        a = replicas.get(0);
        b = replicas.get(1);
    }

    @AfterAll
    static void stop() throws Exception {
        Replica.closeAll(a, b, database, redis);
    }


    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alternately     | a b a b a b | 200 200 200 200 429 429",
            "all to one      | a a a a a b | 200 200 200 200 429 429",
            "then the other  | a a b b b a | 200 200 200 200 429 429",
    })
    void requestsToEitherReplicaAreCountedTogether(String name, String replicas, String statuses) {
        String client = Replica.newClientAddress();
        List<String> answered = new ArrayList<>();
        for (String replica : replicas.split(" ")) {
            Response answer = (replica.equals("a") ? a : b).given().header("X-Forwarded-For", client)
                    .get("/api/public/");
            answered.add(String.valueOf(answer.statusCode()));
            if (answer.statusCode() == 429) {
                assertTrue(answer.body().asString().matches(THROTTLED), answer.body().asString());
                assertTrue(answer.header("Retry-After").matches("\\d+"), "Retry-After: " + answer.header("Retry-After"));
                assertEquals("application/json", answer.contentType());
            }
        }
        assertEquals(statuses, String.join(" ", answered), "statuses of " + replicas);
    }

    @Test
    void whileRedisIsDownRequestsAreAnsweredUncountedAndCountedAgainOnceItIsBack() throws Exception {
        String client = Replica.newClientAddress();
        redis.stop();
        try {
            for (int i = 0; i <= ANONYMOUS_RATE; i++) {
                long started = System.nanoTime();
                Response answer = a.given().header("X-Forwarded-For", client).get("/api/public/");
                assertEquals(200, answer.statusCode(), "request " + (i + 1) + " while Redis is down");
                assertTrue(System.nanoTime() - started < 3_000_000_000L, "answered without waiting for Redis");
            }
            assertTrue(a.log().contains("Request rates are not counted for 5 s: Redis cannot be reached"), "said once");
        } finally {
            redis.startAgain();
        }
        Thread.sleep(PAUSE_MILLIS);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= ANONYMOUS_RATE; i++) {
            statuses.add(b.given().header("X-Forwarded-For", client).get("/api/public/").statusCode());
            statuses.add(a.given().header("X-Forwarded-For", client).get("/api/public/").statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 429, 429, 429, 429, 429, 429), statuses, "counted again");
    }
}
