package dev.portcullis.replicas;

import dev.portcullis.replicas.KeepAliveClients.Outcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to the packaged service under load from 32 keep-alive connections, as Kubernetes stops a pod: every
 * request sent to it is answered — those in flight at the signal and those that follow on connections already
 * open, which it closes after their answer — no connection breaks, no answer is a 5xx, and the process exits
 * within the shutdown delay and timeout the Kubernetes ConfigMap gives it. The clients open no new connection
 * after the signal: in Kubernetes the pod has left the Service's endpoints by then (the preStop pause is for that).
 */
class GracefulShutdownIT {

    private static final int CONNECTIONS = 32;
    /** The clients that sign in, each on a connection per request. */
    private static final int SLOW_CLIENTS = 8;
    /** How long a completed connection may wait for the server's accept on a busy machine. */
    private static final Duration CLOSING = Duration.ofMillis(200);
    /** One database for both tests' replicas (the second finds it migrated, as a replica after a rollout does). */
    private static EmbeddedPostgres database;

    @BeforeAll
    static void startDatabase() throws java.io.IOException {
        database = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopDatabase() throws java.io.IOException {
        database.close();
    }
    private static final List<String> REQUESTS = List.of(
            "GET /api/public/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /api/posts/?limit=5 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");

    @Test
    void sigtermUnderLoadAnswersEveryRequestItAcceptedAndExitsInTime() throws Exception {
        Duration delay = configMapDuration("QUARKUS_SHUTDOWN_DELAY");
        Duration timeout = configMapDuration("QUARKUS_SHUTDOWN_TIMEOUT");
        Replica replica = replica("shutdown", database, delay, timeout, Map.of());
        KeepAliveClients load = new KeepAliveClients(replica.port(), REQUESTS).start(CONNECTIONS);
        load.awaitOutcomes(1000, Duration.ofSeconds(30));
        load.stopReconnecting();
        Replica.Exit exit = replica.terminate(delay.plus(timeout).plusSeconds(15));
        List<Outcome> outcomes = load.awaitEnd(10_000);

        List<Outcome> beforeSignal = outcomes.stream().filter(o -> o.sentAt() - exit.signalledAt() < 0).toList();
        Map<String, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(GracefulShutdownIT::kind,
                TreeMap::new, Collectors.counting()));
        System.err.printf("Shutdown figures: %d requests sent, %d of them before SIGTERM; outcomes %s; "
                + "exit code %d after %d ms (delay %s, timeout %s)%n", outcomes.size(), beforeSignal.size(), kinds,
                exit.code(), exit.millis(), delay, timeout);

        assertTrue(beforeSignal.size() > 500, "under load: " + kinds);
        assertEquals(Map.of("200", (long) outcomes.size()), kinds, "every request answered 200");
        // 143 = 128 + SIGTERM: the JVM's code after its shutdown hooks ran to the end on that signal.
        assertTrue(exit.code() == 0 || exit.code() == 143, "exit code " + exit.code());
        assertTrue(exit.millis() <= delay.plus(timeout).toMillis(), exit.millis() + " ms");
    }

    /**
     * SIGTERM under slow requests — a sign-in hashes a password on a worker thread — from eight clients that open a
     * connection per request and keep coming after the signal: every request sent is answered (those in flight with
     * their 200, those that arrive after the shutdown delay with 503 and {@code Connection: close}) or finds its
     * connection refused once the server has closed; none is accepted and dropped; and the process exits as soon as
     * the requests in flight are done, long before the shutdown timeout.
     * <p>
     * One case is TCP's own, not the server's: a connection the kernel completed in the instant before the listening
     * socket closed, which the server had not yet accepted, is reset by the close — its request was never read, as
     * a refused one's. So a broken exchange passes only on a connection opened within {@link #CLOSING} of the
     * moment the server says its socket closed; one opened earlier was accepted, and its loss fails the test.
     */
    @Test
    void sigtermUnderSlowRequestsLosesNoneAndExitsWhenTheyAreDone() throws Exception {
        Duration delay = configMapDuration("QUARKUS_SHUTDOWN_DELAY");
        Duration timeout = configMapDuration("QUARKUS_SHUTDOWN_TIMEOUT");
        String body = "{\"username\": \"root\", \"password\": \"root-secret\"}";
        String signIn = "POST /api/token/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        // Every client's sign-in in flight at once: the replica checks as many passwords at once as there are clients.
        Replica replica = replica("slow-shutdown", database, delay, timeout,
                Map.of("PORTCULLIS_PASSWORD_CONCURRENT_CHECKS", String.valueOf(SLOW_CLIENTS)));
        ConnectionPerRequestClients load = new ConnectionPerRequestClients(replica.port(), signIn).start(SLOW_CLIENTS);
        load.awaitOutcomes(24, Duration.ofSeconds(30));
        Replica.Exit exit = replica.terminate(delay.plus(timeout).plusSeconds(15));
        Thread.sleep(500);  // the clients find the port closed
        List<Outcome> outcomes = load.stop();

        Map<String, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(GracefulShutdownIT::kind,
                TreeMap::new, Collectors.counting()));
        long sent = outcomes.stream().filter(o -> !kind(o).equals("refused")).count();
        System.err.printf("Slow shutdown figures: %d requests sent, %d answered 200, %d answered 503, %d refused "
                        + "connections, %d lost; exit code %d after %d ms (delay %s, timeout %s)%n", sent,
                kinds.getOrDefault("200", 0L), kinds.getOrDefault("503", 0L), kinds.getOrDefault("refused", 0L),
                sent - kinds.getOrDefault("200", 0L) - kinds.getOrDefault("503", 0L), exit.code(), exit.millis(),
                delay, timeout);

        outcomes.stream().filter(o -> o.failure() != null && !kind(o).equals("refused")).forEach(o -> System.err.printf(
                "  %s, %d ms after the signal%n", o.failure(), (o.sentAt() - exit.signalledAt()) / 1_000_000));
        assertTrue(kinds.getOrDefault("200", 0L) > SLOW_CLIENTS, "under load: " + kinds);
        assertTrue(java.util.Set.of("200", "503", "refused", "lost").containsAll(kinds.keySet()), "no other outcome: " + kinds);
        long closedAt = listenerClosedAt(replica.log());
        List<Long> droppedEarly = load.brokenConnectedAt().stream().filter(at -> at < closedAt - CLOSING.toMillis()).toList();
        assertEquals(List.of(), droppedEarly, "nothing accepted and lost (the socket closed at " + closedAt + "): " + kinds);
        assertEquals(kinds.getOrDefault("lost", 0L), (long) load.brokenConnectedAt().size(), "every lost one timed");
        assertTrue(outcomes.stream().filter(o -> o.status() == 503).allMatch(o -> o.sentAt() - exit.signalledAt() > 0),
                "503 only after the signal");
        assertTrue(exit.code() == 0 || exit.code() == 143, "exit code " + exit.code());
        assertTrue(exit.millis() <= delay.plusSeconds(10).toMillis(), "exited " + exit.millis() + " ms after the signal");
    }

    /** When the service says its listening socket closed (epoch ms), from its JSON log. */
    private static long listenerClosedAt(String log) {
        Matcher line = Pattern.compile("\"timestamp\":\"([^\"]+)\"[^\n]*Shutting down: no new connections").matcher(log);
        assertTrue(line.find(), "the listening socket's close in the log");
        return java.time.Instant.parse(line.group(1)).toEpochMilli();
    }

    /** The packaged service on the database, with a first administrator, stopping as the ConfigMap tells a pod to. */
    private static Replica replica(String name, EmbeddedPostgres database, Duration delay, Duration timeout,
                                   Map<String, String> settings) throws java.io.IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(Replica.on(database));
        environment.putAll(Map.of("QUARKUS_SHUTDOWN_DELAY", delay.toString(), "QUARKUS_SHUTDOWN_TIMEOUT", timeout.toString()));
        environment.putAll(settings);
        return Replica.start(name, environment);
    }

    private static String kind(Outcome outcome) {
        return outcome.status() > 0 ? String.valueOf(outcome.status()) : outcome.failure().split(":")[0];
    }

    /** A duration the Kubernetes ConfigMap sets, as Quarkus reads it ({@code 30S}). */
    private static Duration configMapDuration(String name) throws java.io.IOException {
        Matcher value = Pattern.compile(name + ": \"(\\w+)\"").matcher(Files.readString(Path.of("k8s/base/configmap.yaml")));
        assertTrue(value.find(), name + " in the ConfigMap");
        return Duration.parse("PT" + value.group(1));
    }
}
