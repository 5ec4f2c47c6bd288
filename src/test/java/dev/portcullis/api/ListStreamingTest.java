package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list is read from the database while it is written: when the database is lost half-way, the answer has begun
 * (200) and cannot become an error any more, so it must end as a broken answer — JSON that never closes, its
 * connection closed — and never as JSON that looks whole, or with an error appended to it.
 */
@QuarkusTest
class ListStreamingTest {

    /**
     * Short posts, more than a page read in one query (so the list is read through a cursor), then long ones: 40 MB,
     * more than the sockets between the service and the client hold.
     */
    private static final int SHORT_POSTS = 800;
    private static final int POSTS = SHORT_POSTS + 40;
    private static final int BODY_CHARACTERS = 990_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aListCutOffByTheDatabaseEndsAsABrokenAnswerAndTheNextListIsWhole() throws Exception {
        String user = Api.unique("streamer");
        String token = Api.token(user);
        String word = Api.unique("streamed");
        try (Connection connection = dataSource.getConnection(); PreparedStatement posts = connection.prepareStatement(
                "INSERT INTO posts (title, body, owner_id) SELECT ? || ' ' || n, CASE WHEN n > ? THEN repeat('x', ?) "
                        + "ELSE 'short' END, (SELECT id FROM users WHERE username = ?) FROM generate_series(1, ?) n")) {
            posts.setString(1, word);
            posts.setInt(2, SHORT_POSTS);
            posts.setInt(3, BODY_CHARACTERS);
            posts.setString(4, user);
            posts.setInt(5, POSTS);
            assertEquals(POSTS, posts.executeUpdate());
        }
        try {
            aListCutOff(token, word);
            theNextListsAreWhole(token, word);
        } finally {
            // 40 MB that every later search of posts would read through.
            try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM posts WHERE owner_id = (SELECT id FROM users WHERE username = ?)")) {
                delete.setString(1, user);
                delete.executeUpdate();
            }
        }
    }

    private void aListCutOff(String token, String word) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/posts/?search=" + word + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/json\r\nAuthorization: Token " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream answer = socket.getInputStream();
            String head = head(answer);
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\ntransfer-encoding: chunked\r\n"), head);
            // The client reads no further: the service waits to write, its cursor open, when the database goes.
            assertEquals(1, terminateTheListsBackend(), "the list's database session, open while it is written");
            byte[] rest = answer.readAllBytes();
            String end = new String(rest, Math.max(0, rest.length - 64), Math.min(64, rest.length), StandardCharsets.US_ASCII);
            assertTrue(rest.length < (long) (POSTS - SHORT_POSTS) * BODY_CHARACTERS, rest.length + " bytes: the whole list was sent");
            // The array is closed only when the whole list was written: a cut-off answer is never JSON that parses.
            assertFalse(end.replaceAll("\\r\\n(0\\r\\n\\r\\n)?$", "").endsWith("]"), "the list looks whole: " + end);
            assertFalse(new String(rest, StandardCharsets.US_ASCII).contains("\"detail\""), "an error appended");
        }
    }

    private static void theNextListsAreWhole(String token, String word) {
        Api.withToken(token).queryParam("search", word).queryParam("limit", 2).get("/api/posts/").then()
                .statusCode(200).header("Content-Type", "application/json").body("count", equalTo(POSTS))
                .body("results.title", equalTo(java.util.List.of(word + " 1", word + " 2")))
                .body("results.body", equalTo(java.util.List.of("short", "short")));
        Api.withToken(token).queryParam("search", word).queryParam("limit", 1).queryParam("offset", POSTS - 1)
                .get("/api/posts/").then().statusCode(200).body("results[0].title", equalTo(word + " " + POSTS))
                .body("results[0].body.length()", equalTo(BODY_CHARACTERS));
    }

    /** Text is selected with the list up to 1,024 characters and read by id beyond: either way, the list shows it whole. */
    @ParameterizedTest(name = "a body of {0} characters")
    @ValueSource(ints = {0, 1, 1023, 1024, 1025, 4096, 70_000})
    void everyBodyIsListedWhole(int length) {
        String user = Api.unique("lister");
        String token = Api.token(user);
        String word = Api.unique("listed");
        String body = "é".repeat(length / 2) + "b".repeat(length - length / 2);
        for (String title : List.of(word + " one", word + " two")) {
            Api.withToken(token).contentType("application/json").body(Map.of("title", title, "body", body))
                    .post("/api/posts/").then().statusCode(201);
        }
        for (String query : List.of("", "&limit=1", "&limit=5&ordering=-title")) {
            Api.withToken(token).get("/api/posts/?owner=" + user + query).then().statusCode(200)
                    .header("Content-Type", "application/json")
                    .body((query.isEmpty() ? "" : "results.") + "body", everyItem(equalTo(body)))
                    .body((query.isEmpty() ? "" : "results.") + "title", hasSize(query.equals("&limit=1") ? 1 : 2));
        }
    }

    private static String head(InputStream answer) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = answer.read();
            assertTrue(next >= 0, "the answer ended in its head: " + head);
            head.write(next);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Ends the database session that holds the list's cursor (once it is waiting on the writing), as an outage would. */
    private int terminateTheListsBackend() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try (Connection connection = dataSource.getConnection()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet terminated = connection.createStatement().executeQuery("SELECT count(pg_terminate_backend(pid)) "
                        + "FROM pg_stat_activity WHERE state = 'idle in transaction' AND query ILIKE '%from posts%'")) {
                    terminated.next();
                    if (terminated.getInt(1) > 0) {
                        return terminated.getInt(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        return 0;
    }
}
