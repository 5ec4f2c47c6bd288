package dev.portcullis.replicas;

import dev.portcullis.StartupLine;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One instance of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) in the production profile,
 * as a replica runs: its own process and port, the database and keys it is given.
 */
final class Replica implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private int port;
    private int managementPort;

    private Replica(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Starts a replica on ports it binds itself (port 0) — no port is chosen here and released for it to take,
     * which another process could take first — and waits until it says which ones and is ready.
     */
    static Replica start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        return start(name, environment, DEFAULT_JVM_OPTIONS);
    }

    /**
     * A small heap, and the client compiler only: a replica here starts about a quarter sooner without C2 and
     * lives for a few hundred requests. (Not for the packaged suites' jar: their thousands of sign-ins hash
     * passwords several times slower on C1.)
     */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    /** Stops what a test started, in order; what was not started ({@code null}) is passed over. */
    static void closeAll(AutoCloseable... started) throws Exception {
        for (AutoCloseable closeable : started) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /**
     * Two replicas started at once, as a Deployment's pods start, on the same database: one migrates it and makes
     * the first administrator while the other waits its turn.
     */
    static List<Replica> startTogether(String first, Map<String, String> firstEnvironment, String second,
                                       Map<String, String> secondEnvironment) throws IOException, InterruptedException {
        Replica one = launch(first, firstEnvironment, DEFAULT_JVM_OPTIONS);
        Replica other = launch(second, secondEnvironment, DEFAULT_JVM_OPTIONS);
        try {
            one.awaitReady();
            other.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            one.close();
            other.close();
            throw e;
        }
        return List.of(one, other);
    }

    /** A replica on the JVM options given (the heap, the collector). */
    static Replica start(String name, Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Replica replica = launch(name, environment, jvmOptions);
        replica.awaitReady();
        return replica;
    }

    private static Replica launch(String name, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        Path log = Path.of("target", "replica-" + name + ".log");
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORTCULLIS_ALLOWED_HOSTS", "localhost,127.0.0.1");
        // Load from one address: the production request rates would answer most of it 429.
        builder.environment().put("PORTCULLIS_THROTTLE_ANON_RATE", "none");
        builder.environment().put("PORTCULLIS_THROTTLE_USER_RATE", "none");
        builder.environment().put("PORTCULLIS_THROTTLE_RATES_REGISTER", "none");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        // A production build serves health on its management interface, on a port of its own.
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        return new Replica(name, builder.start(), log);
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited; see " + log);
            }
            String output = Files.readString(log);
            OptionalInt listening = StartupLine.httpPort(output);
            if (listening.isPresent()) {
                port = listening.getAsInt();
                // On the API port in the default build, on the management interface in a production build.
                int healthPort = StartupLine.managementPort(output).orElse(port);
                managementPort = healthPort;
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + healthPort + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not answering yet
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("replica " + name + " was not ready in 90 s; see " + log);
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A client address no other request of the run has used (the one proxy in front of a replica writes it in
     * {@code X-Forwarded-For}), so that the rates a test counts are its own.
     */
    static String newClientAddress() {
        int client = CLIENTS.incrementAndGet();
        return "10.9." + client / 250 + "." + client % 250;
    }

    /** What a replica needs to run on a database of its own, with a first administrator {@code root}. */
    static Map<String, String> on(io.zonky.test.db.postgres.embedded.EmbeddedPostgres database) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "PORTCULLIS_JWT_SIGNING_KEY", Path.of("src/test/resources/test-keys/signing.pem").toAbsolutePath().toString(),
                "PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME", "root", "PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD", "root-secret");
    }

    /** The log the replica wrote so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    String base() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** The port of health and metrics (the API's own port in a build without a management interface). */
    int managementPort() {
        return managementPort;
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
