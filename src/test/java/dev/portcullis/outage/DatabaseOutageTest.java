package dev.portcullis.outage;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops the real PostgreSQL under load and starts it again: database requests answer 503 with
 * {@code Retry-After} (never 500, never a hang), cached credentials and public endpoints keep working,
 * readiness goes down and comes back, liveness stays up, the service recovers by itself, and every write
 * acknowledged with 201 is there afterwards.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.RestartableDatabase.class)
class DatabaseOutageTest {

    private static final String UNAVAILABLE = "{\"detail\":\"Service temporarily unavailable, try again later.\"}";

    /**
     * A PostgreSQL of this test's own, on a fixed port and data directory so that it can be stopped and
     * started again with its data. Its address is kept in JVM-wide properties, because the profile and the
     * test may be loaded by different class loaders; it is stopped as an operator would, by a fast shutdown
     * of the postmaster named in its pid file.
     */
    public static class RestartableDatabase implements QuarkusTestProfile {

        private static final String PORT = "portcullis.test.outage-db-port";
        private static final String DIRECTORY = "portcullis.test.outage-db-dir";

        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty(PORT) == null) {
                start();
            }
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + System.getProperty(PORT)
                            + "/postgres",
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
        }

        /** The first time, a new PostgreSQL; afterwards, the same server again, as its own pid file describes it. */
        static synchronized void start() {
            try {
                if (System.getProperty(PORT) == null) {
                    try (ServerSocket socket = new ServerSocket(0)) {
                        System.setProperty(PORT, String.valueOf(socket.getLocalPort()));
                    }
                    System.setProperty(DIRECTORY, Files.createTempDirectory("portcullis-outage").toString());
                    EmbeddedPostgres.builder().setPort(Integer.parseInt(System.getProperty(PORT)))
                            .setDataDirectory(System.getProperty(DIRECTORY)).setCleanDataDirectory(false).start();
                    return;
                }
                // postmaster.opts holds the command line the server was started with.
                String options = Files.readString(Path.of(System.getProperty(DIRECTORY), "postmaster.opts")).strip();
                List<String> command = new ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    command.addAll(List.of("unshare", "-U"));  // PostgreSQL refuses root; this is how it was started
                }
                Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(options);
                while (token.find()) {
                    command.add(token.group(1) != null ? token.group(1) : token.group(2));
                }
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!accepting(Integer.parseInt(System.getProperty(PORT)))) {
                    assertTrue(System.nanoTime() < deadline, "PostgreSQL did not start again");
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static boolean accepting(int port) {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        static synchronized void stop() throws IOException, InterruptedException {
            Path pidFile = Path.of(System.getProperty(DIRECTORY), "postmaster.pid");
            String pid = Files.readAllLines(pidFile).get(0).strip();
            assertEquals(0, new ProcessBuilder("kill", "-INT", pid).start().waitFor());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Files.exists(pidFile)) {
                assertTrue(System.nanoTime() < deadline, "PostgreSQL did not stop");
                Thread.sleep(50);
            }
        }
    }

    /** One answer under load. */
    private record Answer(String phase, String request, int status, long millis, String retryAfter, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDatabaseOutageIsAnswered503AndRecoveredFromWithNothingLost() throws Exception {
        String token = Api.token("outage-user");
        assertEquals(200, send("GET", "/api/private/", token, null).statusCode());  // the token is now cached
        long existingPost = Api.post(token, "before the outage", true);

        AtomicReference<String> phase = new AtomicReference<>("before");
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        String[][] requests = {
                {"GET", "/api/private/", token, null},
                {"GET", "/api/public/", null, null},
                {"POST", "/api/posts/", token, "{\"title\": \"under load\", \"published\": true}"},
                {"GET", "/api/posts/" + existingPost + "/", null, null},
        };
        for (String[] request : requests) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    String now = phase.get();
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(request[0], request[1], request[2], request[3]);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    answers.add(new Answer(now, request[0] + " " + request[1], response.statusCode(), millis,
                            response.headers().firstValue("Retry-After").orElse(null), response.body()));
                    if (response.statusCode() == 201) {
                        acknowledged.add(Long.parseLong(response.body().replaceAll(".*\"id\":(\\d+).*", "$1")));
                    }
                }
            });
            thread.start();
            load.add(thread);
        }

        Thread.sleep(1000);
        phase.set("outage");
        RestartableDatabase.stop();
        Thread.sleep(2000);
        int readinessDuring = send("GET", "/q/health/ready", null, null).statusCode();
        int livenessDuring = send("GET", "/q/health/live", null, null).statusCode();
        Thread.sleep(4000);
        RestartableDatabase.start();
        long restarted = System.nanoTime();
        phase.set("recovery");
        while (send("POST", "/api/posts/", token, "{\"title\": \"probe\"}").statusCode() != 201) {
            assertTrue(System.nanoTime() - restarted < Duration.ofSeconds(20).toNanos(), "no recovery in 20 s");
            Thread.sleep(100);
        }
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        phase.set("after");
        Thread.sleep(1500);
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }

        Map<String, Map<Integer, Long>> byPhase = answers.stream().collect(Collectors.groupingBy(
                a -> a.phase() + " " + a.request(), java.util.TreeMap::new,
                Collectors.groupingBy(Answer::status, java.util.TreeMap::new, Collectors.counting())));
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        List<Long> lost = acknowledged.stream().filter(id -> send("GET", "/api/posts/" + id + "/", token, null)
                .statusCode() != 200).toList();
        System.err.printf("Outage figures: answers by phase and status %s; slowest answer %d ms; recovered %d ms "
                        + "after the restart; writes acknowledged %d, found afterwards %d%n", byPhase, slowest,
                recoveryMillis, acknowledged.size(), acknowledged.size() - lost.size());

        for (Answer answer : answers) {
            assertTrue(answer.status() == 200 || answer.status() == 201 || answer.status() == 503, answer.toString());
            if (answer.status() == 503) {
                assertEquals(UNAVAILABLE, answer.body(), answer.toString());
                assertEquals("5", answer.retryAfter(), answer.toString());
            }
            if (answer.request().equals("GET /api/private/") || answer.request().equals("GET /api/public/")) {
                assertEquals(200, answer.status(), "needs no database: " + answer);
            }
        }
        assertTrue(slowest < 6000, "slowest answer " + slowest + " ms");
        assertTrue(answers.stream().anyMatch(a -> a.phase().equals("outage") && a.status() == 503),
                "database requests failed during the outage: " + byPhase);
        assertEquals(503, readinessDuring);
        assertEquals(200, livenessDuring);
        assertEquals(200, send("GET", "/q/health/ready", null, null).statusCode());
        assertTrue(answers.stream().anyMatch(a -> a.phase().equals("after") && a.status() == 201), byPhase.toString());
        assertFalse(acknowledged.isEmpty());
        assertEquals(List.of(), lost, "acknowledged writes missing after the outage");
    }
}
