package dev.portcullis.deploy;

import dev.portcullis.StartupLine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A training run of the image's service for the JDK's AOT cache: the image's entrypoint run from its unpacked root
 * file system, with the ConfigMap's settings, against a fresh database it migrates as it starts; the requests a pod
 * answers first (anonymous, token, JWT and refused ones, a post written, listed, paged and read, the probes), then
 * SIGTERM, after which the JVM writes the cache. Migrating in the same run rather than in a {@code migrate} of its
 * own, as the init container does, puts Flyway's classes in the cache for that container too, for 2 MB more resident
 * in the service's pod (the same start-up, 6 alternating starts each), and saves the build a JVM's start: 5 s.
 */
final class AotTraining {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration EXIT = Duration.ofSeconds(180);
    private static final int ROUNDS = 3;
    private static final String ADMIN = "training-admin";
    private static final Pattern TOKEN = Pattern.compile("\"(token|access)\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final Path root;
    private final List<String> entrypoint;
    private final Map<String, String> environment;
    private final Path work;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * @param root       the image's file system, unpacked
     * @param entrypoint the image's entrypoint, whose paths are the image's
     * @param settings   the ConfigMap's data
     */
    AotTraining(Path root, List<String> entrypoint, Map<String, String> settings, String jdbcUrl, Path work)
            throws Exception {
        this.root = root;
        this.entrypoint = entrypoint;
        this.work = work;
        // A pod's environment, not the build's: the ConfigMap's settings and the Deployment's secrets' stand-ins.
        this.environment = new HashMap<>(settings);
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        environment.put("PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD", password());
        environment.put("PORTCULLIS_JWT_SIGNING_KEY", signingKey().toString());
        environment.put("PORTCULLIS_ALLOWED_HOSTS", "localhost");
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.put("QUARKUS_MANAGEMENT_PORT", "0");
        environment.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
    }

    /** Trains the service and writes the cache. */
    void record(Path cache) throws Exception {
        Path log = work.resolve("training.log");
        Process service = start(command(cache), log);
        try {
            String started = awaitStarted(service, log);
            train(StartupLine.httpPort(started).getAsInt(), StartupLine.managementPort(started).getAsInt());
        } finally {
            service.destroy();  // SIGTERM, as a pod is stopped: the JVM writes the cache as it exits
            if (!service.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (!Files.isRegularFile(cache) || !Files.readString(log).contains("AOTCache creation is complete")) {
            throw new IllegalStateException("the training wrote no AOT cache: " + Files.readString(log));
        }
    }

    private void train(int http, int management) throws Exception {
        await(() -> status(management, "GET", "/q/health/ready", null, null) == 200, "ready");
        String admin = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + environment.get("PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD") + "\"}";
        String token = "Token " + field(TOKEN, send(http, "POST", "/api/token/", null, admin));
        String jwt = "Bearer " + field(TOKEN, send(http, "POST", "/api/jwt/create/", null, admin));
        for (int round = 0; round < ROUNDS; round++) {
            String post = send(http, "POST", "/api/posts/", token, "{\"title\":\"training\",\"body\":\"a post\"}");
            for (String authorization : new String[] {null, token, jwt}) {
                status(http, "GET", "/api/public/", authorization, null);
                status(http, "GET", "/api/private/", authorization, null);
                status(http, "GET", "/api/posts/", authorization, null);
                status(http, "GET", "/api/posts/?limit=20&offset=0&ordering=-id", authorization, null);
                status(http, "GET", "/api/posts/" + field(ID, post) + "/", authorization, null);
                status(http, "GET", "/api/me/", authorization, null);
            }
            status(http, "GET", "/api/private/", "Token not-a-token", null);
            status(http, "GET", "/api/private/", "Bearer not.a.jwt", null);
            status(management, "GET", "/q/health/live", null, null);
            status(management, "GET", "/q/metrics", null, null);
        }
    }

    /** The entrypoint at the unpacked paths, writing the cache rather than reading it. */
    private List<String> command(Path cache) {
        List<String> command = new ArrayList<>();
        for (String argument : entrypoint) {
            if (argument.startsWith("-XX:AOTCache=")) {
                command.add("-XX:AOTCacheOutput=" + cache);
            } else {
                command.add(argument.startsWith("/") ? root + argument : argument);
            }
        }
        return command;
    }

    private Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve("app").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private String send(int port, String method, String path, String authorization, String json) throws Exception {
        HttpResponse<String> response = exchange(port, method, path, authorization, json);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private int status(int port, String method, String path, String authorization, String json) throws Exception {
        return exchange(port, method, path, authorization, json).statusCode();
    }

    private HttpResponse<String> exchange(int port, String method, String path, String authorization, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return matcher.group(matcher.groupCount());
    }

    private static String awaitStarted(Process service, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline) && service.isAlive()) {
            String output = Files.readString(log);
            if (StartupLine.httpPort(output).isPresent() && StartupLine.managementPort(output).isPresent()) {
                return output;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the training's service did not start: " + Files.readString(log));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(START);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the training's service was not " + what + " within " + START);
            }
            Thread.sleep(100);
        }
    }

    private static String password() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A throwaway RSA key for the JWTs the training signs (PKCS#8 PEM, as the Secret's file is). */
    private Path signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path key = work.resolve("training-signing.pem");
        Files.writeString(key, pem);
        return key;
    }
}
