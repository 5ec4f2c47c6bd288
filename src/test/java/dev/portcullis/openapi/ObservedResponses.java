package dev.portcullis.openapi;

import dev.portcullis.security.guard.PolicyRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, while a conformance suite runs ({@link RecordsResponses}), every JSON answer the service gives to an
 * operation of its own — method, route template, status — into {@code target/observed-responses.txt}, so that {@code ObservedResponsesIT} can hold the
 * OpenAPI document to everything the tests saw. The file is started afresh by the first service of a test run.
 */
@ApplicationScoped
public class ObservedResponses {

    static final Path FILE = Path.of("target/observed-responses.txt");
    private static final String RUN_STARTED = "portcullis.test.observed-responses.started";

    private final PolicyRegistry registry;
    private final Set<String> observed = ConcurrentHashMap.newKeySet();

    public ObservedResponses(PolicyRegistry registry) {
        this.registry = registry;
    }

    void install(@Observes Router router) {
        if (System.getProperty(RUN_STARTED) == null) {
            // System properties are the JVM's: the services a run starts one after another share them.
            System.setProperty(RUN_STARTED, "true");
            try {
                Files.deleteIfExists(FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        router.route().order(Integer.MIN_VALUE).handler(this::record);
    }

    private void record(RoutingContext context) {
        if (System.getProperty(RecordsResponses.RECORDING) != null) {
            String method = context.request().method().name();
            String path = context.request().path();
            context.addEndHandler(done -> {
                String type = context.response().headers().get("Content-Type");
                if (type == null || !type.startsWith("text/html")) {
                    registry.route(path).ifPresent(route ->
                            observed.add(method + " " + route.template() + " " + context.response().getStatusCode()));
                }
            });
        }
        context.next();
    }

    void write(@Observes ShutdownEvent event) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, String.join("\n", observed) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
