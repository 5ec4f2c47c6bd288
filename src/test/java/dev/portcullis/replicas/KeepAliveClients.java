package dev.portcullis.replicas;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients on keep-alive connections, each sending its request again as soon as the answer is in, as a load
 * generator does — on raw sockets, so that nothing is retried behind the test's back and every outcome is
 * counted: an answer (and when its request was sent), a connection refused before anything was sent, or a
 * connection that broke after a request was sent and before its answer came (a reset). A client opens a new
 * connection when an answer says {@code Connection: close} — until it is told the replica is leaving (as a
 * Service's endpoints are updated when a pod is deleted), after which it only finishes the connection it has.
 */
final class KeepAliveClients {

    /** What became of one request: an answer's status, or why there was none ({@code status} 0). */
    record Outcome(long sentAt, int status, String failure) {
    }

    private final InetSocketAddress address;
    private final List<String> requests;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean reconnecting = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    /** @param requests the raw HTTP/1.1 requests; client {@code i} repeats {@code requests[i % size]} */
    KeepAliveClients(int port, List<String> requests) {
        this.address = new InetSocketAddress("localhost", port);
        this.requests = requests;
    }

    KeepAliveClients start(int connections) {
        for (int i = 0; i < connections; i++) {
            byte[] request = requests.get(i % requests.size()).getBytes(StandardCharsets.US_ASCII);
            Thread thread = new Thread(() -> run(request), "keep-alive client " + i);
            thread.start();
            clients.add(thread);
        }
        return this;
    }

    /** Waits until the clients have this many outcomes. */
    void awaitOutcomes(int count, java.time.Duration patience) throws InterruptedException {
        LoadProgress.awaitOutcomes(outcomes, count, patience);
    }

    /** No client opens a new connection from now on; each keeps the one it has until the replica closes it. */
    void stopReconnecting() {
        reconnecting.set(false);
    }

    /** Waits for every client to stop (each stops when its last connection closes) and gives the outcomes. */
    List<Outcome> awaitEnd(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Thread client : clients) {
            client.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        return List.copyOf(outcomes);
    }

    private void run(byte[] request) {
        for (boolean first = true; running.get() && (first || reconnecting.get()); first = false) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 2000);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                boolean keepAlive = true;
                while (keepAlive && running.get()) {
                    Answer answer = exchange(out, in, request, outcomes, "reset");
                    keepAlive = answer != null && !"close".equalsIgnoreCase(answer.headers().getOrDefault("Connection", ""));
                }
            } catch (ConnectException refused) {
                outcomes.add(new Outcome(System.nanoTime(), 0, "refused: " + refused.getMessage()));
                return;
            } catch (IOException e) {
                outcomes.add(new Outcome(System.nanoTime(), 0, "connect failed: " + e));
                return;
            }
        }
    }

    /** An answer's status and headers (names in any case). */
    record Answer(int status, Map<String, String> headers) {
    }

    /**
     * Sends one request and reads its answer, recording the outcome: the answer's status, or — the connection
     * broken — "not sent", or {@code brokenAfterSending} once the request was sent. The answer, or null.
     */
    static Answer exchange(OutputStream out, InputStream in, byte[] request, java.util.Collection<Outcome> outcomes,
                           String brokenAfterSending) {
        long sentAt = -1;
        try {
            out.write(request);
            out.flush();
            sentAt = System.nanoTime();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            int status = readAnswer(in, headers);
            outcomes.add(new Outcome(sentAt, status, null));
            return new Answer(status, headers);
        } catch (IOException broken) {
            outcomes.add(new Outcome(sentAt < 0 ? System.nanoTime() : sentAt, 0,
                    (sentAt < 0 ? "not sent: " : brokenAfterSending + ": ") + broken));
            return null;
        }
    }

    /** Reads one answer (status line, headers, a body of {@code Content-Length}) and gives its status. */
    private static int readAnswer(InputStream in, Map<String, String> headers) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        String length = headers.get("Content-Length");
        if (length == null) {
            throw new IOException("an answer without Content-Length: " + statusLine + " " + headers.keySet());
        }
        if (in.readNBytes(Integer.parseInt(length)).length < Integer.parseInt(length)) {
            throw new EOFException("connection closed mid-answer");
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed " + (line.size() == 0 ? "before an answer" : "mid-answer"));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
