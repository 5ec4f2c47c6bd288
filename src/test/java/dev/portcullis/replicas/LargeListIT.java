package dev.portcullis.replicas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list far larger than the heap, served on the heap the Kubernetes ConfigMap gives a pod: one user posts 40
 * posts of nearly the request body limit each (40 MB of text, with a 64 MB heap), and the public list is then
 * answered in full — to several clients at once — while the service keeps answering everyone else.
 */
class LargeListIT {

    private static final int LONG_POSTS = 40;
    /** A post's body: nearly as long as a JSON string in a request may be (a million characters). */
    private static final int BODY_CHARACTERS = 990_000;
    /** Short posts first, more than a list reads in one query: the list is read through a cursor. */
    private static final int SHORT_POSTS = 800;
    private static final String SHORT_BODY = "a short post";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedPostgres database;
    private static Replica replica;

    @BeforeAll
    static void postLargePosts() throws Exception {
        database = EmbeddedPostgres.start();
        replica = Replica.start("large-list", Replica.on(database), configMapHeap());
        String token = json(send("POST", "/api/token/", null,
                "{\"username\": \"root\", \"password\": \"root-secret\"}"), "token");
        try (java.sql.Connection connection = database.getPostgresDatabase().getConnection();
             java.sql.PreparedStatement posts = connection.prepareStatement("INSERT INTO posts (title, body, published, "
                     + "owner_id) SELECT 'short ' || n, ?, true, (SELECT id FROM users WHERE username = 'root') "
                     + "FROM generate_series(1, ?) n")) {
            posts.setString(1, SHORT_BODY);
            posts.setInt(2, SHORT_POSTS);
            assertEquals(SHORT_POSTS, posts.executeUpdate());
        }
        String body = "x".repeat(BODY_CHARACTERS);
        for (int i = 0; i < LONG_POSTS; i++) {
            HttpResponse<String> created = send("POST", "/api/posts/", token,
                    "{\"title\": \"large " + i + "\", \"body\": \"" + body + "\", \"published\": true}");
            assertEquals(201, created.statusCode(), created.body().substring(0, Math.min(200, created.body().length())));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Replica.closeAll(replica, database);
    }

    /** The ConfigMap's heap and collector (its other options may need a newer JDK than the tests run on). */
    private static List<String> configMapHeap() throws IOException {
        Matcher options = Pattern.compile("JDK_JAVA_OPTIONS: \"([^\"]*)\"").matcher(Files.readString(Path.of("k8s/base/configmap.yaml")));
        assertTrue(options.find(), "JDK_JAVA_OPTIONS in the ConfigMap");
        List<String> heap = java.util.Arrays.stream(options.group(1).split(" "))
                .filter(option -> option.startsWith("-Xmx") || option.matches("-XX:\\+Use\\w+GC")).toList();
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC"), heap, "the heap these figures are for");
        return heap;
    }

    @ParameterizedTest(name = "{0} clients at once, {1}")
    @CsvSource({
            "1, /api/posts/",
            "4, /api/posts/",
            "4, /api/posts/?limit=1000",
            "2, /api/posts/?ordering=-title",
    })
    void theWholeListIsServedInBoundedMemory(int clients, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Listed>> lists = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                lists.add(pool.submit((Callable<Listed>) () -> list(path)));
            }
            HttpResponse<String> meanwhile = send("GET", "/api/public/", null, null);
            assertEquals(200, meanwhile.statusCode(), "another request meanwhile");
            for (Future<Listed> list : lists) {
                Listed listed = list.get();
                assertEquals(200, listed.status());
                assertEquals("application/json", listed.contentType());
                assertEquals(SHORT_POSTS + LONG_POSTS, listed.posts(), "every post");
                assertEquals((long) LONG_POSTS * BODY_CHARACTERS + (long) SHORT_POSTS * SHORT_BODY.length(),
                        listed.bodyCharacters(), "every post's whole body");
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(replica.log().contains("OutOfMemoryError"), "no OutOfMemoryError in " + replica);
        System.err.printf("Large list figures: %d clients at once, %s: %d posts, %d MB of text; heap %s%n", clients, path,
                SHORT_POSTS + LONG_POSTS, (long) LONG_POSTS * BODY_CHARACTERS / 1_000_000, heapFigures());
    }

    /** What a list's answer held: its status, type, how many posts and the characters of their bodies. */
    private record Listed(int status, String contentType, int posts, long bodyCharacters) {
    }

    /** Reads a list as it arrives, keeping none of it: the client's memory is not what is measured. */
    private static Listed list(String path) throws Exception {
        HttpResponse<InputStream> answer = HTTP.send(request("GET", path, null, null).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        int posts = 0;
        long characters = 0;
        try (JsonParser json = new JsonFactory().createParser(answer.body())) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "body".equals(json.currentName())) {
                    json.nextToken();
                    characters += json.getTextLength();
                    posts++;
                }
            }
        }
        return new Listed(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), posts, characters);
    }

    /** The heap the replica uses now and has committed, and its direct buffers (they count against -Xmx too), from its metrics. */
    private static String heapFigures() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + replica.managementPort()
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return "used " + sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1_000_000 + " MB, committed "
                + sum(metrics, "jvm_memory_committed_bytes", "area=\"heap\"") / 1_000_000 + " MB; direct buffers "
                + sum(metrics, "jvm_buffer_memory_used_bytes", "id=\"direct\"") / 1_000_000 + " MB";
    }

    private static long sum(String metrics, String name, String label) {
        Matcher lines = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$").matcher(metrics);
        double total = 0;
        while (lines.find()) {
            total += Double.parseDouble(lines.group(1));
        }
        return (long) total;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HTTP.send(request(method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.base() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return request;
    }

    private static String json(HttpResponse<String> answer, String field) throws IOException {
        assertEquals(200, answer.statusCode(), answer.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get(field).asText();
    }
}
