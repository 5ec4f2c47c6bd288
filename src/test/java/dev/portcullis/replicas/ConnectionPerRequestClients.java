package dev.portcullis.replicas;

import dev.portcullis.replicas.KeepAliveClients.Outcome;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients that open a new connection for every request and keep going whatever happens — as mobile apps behind a
 * load balancer that has not yet noticed a pod is leaving — on raw sockets, each outcome counted: an answer, a
 * connection refused, or a request sent and never answered (lost). A client waits the {@code Retry-After} of a 503,
 * and a moment after a refused connection, before it tries again.
 */
final class ConnectionPerRequestClients {

    private final InetSocketAddress address;
    private final byte[] request;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    /** When each connection whose exchange broke had been opened (wall clock, ms), to compare with a server's log. */
    private final ConcurrentLinkedQueue<Long> brokenConnectedAt = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    ConnectionPerRequestClients(int port, String request) {
        this.address = new InetSocketAddress("localhost", port);
        this.request = request.getBytes(StandardCharsets.US_ASCII);
    }

    ConnectionPerRequestClients start(int clients) {
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(this::run, "connection-per-request client " + i);
            thread.start();
            this.clients.add(thread);
        }
        return this;
    }

    /** Waits until the clients have this many outcomes. */
    void awaitOutcomes(int count, java.time.Duration patience) throws InterruptedException {
        LoadProgress.awaitOutcomes(outcomes, count, patience);
    }

    /** Stops every client after its current request, and gives the outcomes. */
    List<Outcome> stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        return List.copyOf(outcomes);
    }

    /** When each connection whose request went unanswered had been opened (wall clock, ms). */
    List<Long> brokenConnectedAt() {
        return List.copyOf(brokenConnectedAt);
    }

    private void run() {
        while (running.get()) {
            long pause = 0;
            try (Socket socket = new Socket()) {
                socket.connect(address, 2000);
                long connectedAt = System.currentTimeMillis();
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                KeepAliveClients.Answer answer = KeepAliveClients.exchange(out, in, request, outcomes, "lost");
                if (answer == null) {
                    brokenConnectedAt.add(connectedAt);
                } else if (answer.status() == 503) {
                    pause = Long.parseLong(answer.headers().getOrDefault("Retry-After", "1")) * 1000;
                }
            } catch (ConnectException refused) {
                outcomes.add(new Outcome(System.nanoTime(), 0, "refused: " + refused.getMessage()));
                pause = 50;
            } catch (IOException e) {
                outcomes.add(new Outcome(System.nanoTime(), 0, "connect failed: " + e));
                pause = 50;
            }
            sleep(pause);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
