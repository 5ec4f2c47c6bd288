package dev.portcullis.web;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chunked body, whose size no header announces, that grows past {@code quarkus.http.limits.max-body-size}
 * while it is read: answered 413 by the HTTP server, and logged as one WARN line — no ERROR, no stack trace,
 * however often a client sends one.
 */
@QuarkusTest
class ChunkedBodyLimitTest {

    private static final int LIMIT = 1_048_576;
    private final List<ExtLogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add((ExtLogRecord) record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** Sends the body in 64 KB chunks and its last chunk, then reads the whole answer. */
    private static String sendChunked(String path, String token, int bytes) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token " + token + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    int size = Math.min(chunk.length, bytes - sent);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, size);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedWhileSending) {
                // The server may answer and close before the last bytes: its answer is read below all the same.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest(name = "{0} bytes over the limit, chunked")
    @ValueSource(ints = {1, 4_096})
    void aChunkedBodyOverTheLimitIsOneWarning(int over) throws Exception {
        String answer = sendChunked("/api/posts/", Api.token("chunked-sender"), LIMIT + over);
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase().contains("\r\nconnection: close\r\n"), answer);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (warnings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);  // whatever else the refusal would log, it has logged by now
        assertEquals(1, warnings.size(), warnings.stream().map(r -> r.getLevel() + " " + r.getFormattedMessage()).toList().toString());
        ExtLogRecord warning = warnings.get(0);
        assertEquals(Level.WARNING, warning.getLevel());
        assertEquals("Request body refused while it was read (Request too large): answered 413", warning.getFormattedMessage());
        assertEquals(null, warning.getThrown());
    }
}
