package dev.portcullis.replicas;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One instance of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) in the production profile,
 * as a replica runs: its own process and port, the database and keys it is given.
 */
final class Replica implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;

    private Replica(String name, int port, int managementPort, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Replica start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(new File("target/replica-" + name + ".log"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // A production build serves health on its management interface; each replica needs a port of its own.
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        Replica replica = new Replica(name, port, managementPort, builder.start());
        replica.awaitReady();
        return replica;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited; see target/replica-" + name + ".log");
            }
            // On the API port in the default build, on the management interface in a production build.
            for (int healthPort : new int[]{port, managementPort}) {
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + healthPort + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("replica " + name + " was not ready in 90 s; see target/replica-" + name + ".log");
    }

    String base() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** Sends SIGTERM, as Kubernetes does to stop a pod, and waits for the process to exit. */
    Exit terminate(Duration patience) throws InterruptedException {
        long signalled = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        long millis = (System.nanoTime() - signalled) / 1_000_000;
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        return new Exit(signalled, exited ? process.exitValue() : -1, millis);
    }

    /** When SIGTERM was sent ({@link System#nanoTime()}), the exit code ({@code -1}: killed), and how long it took. */
    record Exit(long signalledAt, int code, long millis) {
    }

    /** A request to this replica. */
    RequestSpecification given() {
        return RestAssured.given().baseUri(base());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
