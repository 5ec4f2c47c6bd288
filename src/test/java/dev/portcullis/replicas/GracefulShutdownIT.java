package dev.portcullis.replicas;

import dev.portcullis.replicas.KeepAliveClients.Outcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * request it accepted before the signal is answered, no connection breaks after a request was sent, no answer
 * is a 5xx, and the process exits within the shutdown timeout the Kubernetes ConfigMap gives it.
 */
class GracefulShutdownIT {

    private static final int CONNECTIONS = 32;
    private static final List<String> REQUESTS = List.of(
            "GET /api/public/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /api/posts/?limit=5 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");

    @Test
    void sigtermUnderLoadAnswersEveryRequestItAcceptedAndExitsInTime() throws Exception {
        Duration timeout = configMapDuration("QUARKUS_SHUTDOWN_TIMEOUT");
        try (EmbeddedPostgres database = EmbeddedPostgres.start()) {
            Replica replica = Replica.start("shutdown", Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                    "PORTCULLIS_JWT_SIGNING_KEY", Path.of("src/test/resources/test-keys/signing.pem").toAbsolutePath().toString(),
                    "QUARKUS_SHUTDOWN_TIMEOUT", timeout.toString()));
            KeepAliveClients load = new KeepAliveClients(replica.port(), REQUESTS).start(CONNECTIONS);
            Thread.sleep(3000);
            Replica.Exit exit = replica.terminate(timeout.plusSeconds(15));
            List<Outcome> outcomes = load.awaitEnd(10_000);

            List<Outcome> beforeSignal = outcomes.stream().filter(o -> o.sentAt() - exit.signalledAt() < 0).toList();
            Map<String, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(GracefulShutdownIT::kind,
                    TreeMap::new, Collectors.counting()));
            System.err.printf("Shutdown figures: %d requests sent before SIGTERM, %d answered; outcomes %s; "
                            + "exit code %d after %d ms (timeout %s)%n",
                    beforeSignal.stream().filter(o -> !kind(o).equals("refused")).count(),
                    beforeSignal.stream().filter(o -> o.status() > 0).count(), kinds, exit.code(), exit.millis(),
                    timeout);

            assertTrue(beforeSignal.size() > 1000, "under load: " + kinds);
            for (Outcome outcome : outcomes) {
                assertTrue(outcome.status() == 200 || kind(outcome).equals("refused"), outcome.toString());
            }
            assertTrue(exit.code() == 0 || exit.code() == 143, "exit code " + exit.code());
            assertTrue(exit.millis() <= timeout.toMillis(), exit.millis() + " ms");
            assertEquals(CONNECTIONS, kinds.getOrDefault("refused", 0L), "each client ends refused: " + kinds);
        }
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
