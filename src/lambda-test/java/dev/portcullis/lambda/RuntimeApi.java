package dev.portcullis.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API of one function instance, as the Lambda service offers it to a function's runtime: the
 * function polls {@code invocation/next} for an event and posts its answer (or error) back. Nothing talks to AWS.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    private record Invocation(String id, String event) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    private volatile String initError;

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BASE, this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API} for the function. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Hands the event to the function and waits for its answer. */
    String invoke(String event, Duration timeout) throws InterruptedException, TimeoutException {
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> answer = new CompletableFuture<>();
        answers.put(id, answer);
        pending.put(new Invocation(id, event));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError(failed.getCause().getMessage());
        } catch (TimeoutException late) {
            if (initError != null) {
                throw new AssertionError("the function failed to start: " + initError);
            }
            throw late;
        } finally {
            answers.remove(id);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
            next(exchange);
            return;
        }
        String[] steps = path.split("/");
        String text = new String(body, StandardCharsets.UTF_8);
        if (steps.length == 3 && steps[0].equals("invocation")) {
            CompletableFuture<String> answer = answers.get(steps[1]);
            if (answer != null && steps[2].equals("response")) {
                answer.complete(text);
            } else if (answer != null) {
                answer.completeExceptionally(new AssertionError("the function failed: " + text));
            }
        } else if (path.equals("init/error")) {
            initError = text;
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** Long-polls, as the Lambda service does: the function's request waits until there is an event. */
    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                String.valueOf(System.currentTimeMillis() + Duration.ofSeconds(30).toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:local:000000000000:function:portcullis");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        reply(exchange, 200, invocation.event());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
