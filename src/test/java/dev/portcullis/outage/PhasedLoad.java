package dev.portcullis.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients that send the same requests over and over, as fast as they are answered, each answer recorded with
 * the phase it was sent in, its status, its time and — instead of a status — a connection that was dropped.
 */
final class PhasedLoad {

    /** A request one client repeats; {@code token} and {@code body} may be {@code null}. */
    record Request(String method, String path, String token, String body) {
        String name() {
            return method + " " + path;
        }
    }

    /**
     * One answer; {@code sentAt} is milliseconds since the load was made, {@code dropped} the failure when the
     * connection broke instead ({@code status} is then 0).
     */
    record Answer(String phase, String request, long sentAt, int status, long millis, String retryAfter, String body,
                  String dropped) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final AtomicReference<String> phase = new AtomicReference<>("before");
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();
    private final long madeAt = System.nanoTime();
    /** When each phase began, in milliseconds since the load was made: what a slow answer is read against. */
    private final ConcurrentLinkedQueue<String> timeline = new ConcurrentLinkedQueue<>();

    PhasedLoad(int port) {
        this.port = port;
    }

    /** Starts {@code clients} clients repeating the request. */
    PhasedLoad start(Request request, int clients) {
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    answers.add(send(phase.get(), request));
                }
            }, "load " + request.name());
            thread.start();
            this.clients.add(thread);
        }
        return this;
    }

    void phase(String name) {
        phase.set(name);
        mark(name);
    }

    /** Notes an event on the timeline, such as PostgreSQL accepting connections again. */
    void mark(String event) {
        timeline.add(millisSince(madeAt) + " ms " + event);
    }

    /** The phases and events so far, with their times. */
    String timeline() {
        return String.join(", ", timeline);
    }

    /** Stops every client and gives back every answer, in the order they came. */
    List<Answer> stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : clients) {
            thread.join();
        }
        return List.copyOf(answers);
    }

    /** Sends one request and records its answer under the phase given. */
    Answer send(String phaseName, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.token() != null) {
            builder.header("Authorization", "Token " + request.token());
        }
        long start = System.nanoTime();
        long sentAt = millisSince(madeAt);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(phaseName, request.name(), sentAt, response.statusCode(), millisSince(start),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), null);
        } catch (IOException e) {
            return new Answer(phaseName, request.name(), sentAt, 0, millisSince(start), null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From now to the first time the request is answered with the status (20 s at most), in milliseconds. */
    long millisUntil(String phaseName, Request request, int status) throws InterruptedException {
        long start = System.nanoTime();
        while (send(phaseName, request).status() != status) {
            if (System.nanoTime() - start > Duration.ofSeconds(20).toNanos()) {
                throw new AssertionError(request.name() + " not answered " + status + " in 20 s");
            }
            Thread.sleep(20);
        }
        return millisSince(start);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
