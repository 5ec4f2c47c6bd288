package dev.portcullis.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer the tests saw an operation give — the HTTP tests of {@code ./mvnw verify}'s first stage, recorded by
 * {@link ObservedResponses} — is one the OpenAPI document declares for that operation, so the document cannot drift
 * from the behaviour. Statuses the HTTP server gives before any operation is chosen are the document's too, but
 * once for all (see {@link #SERVER_WIDE}); OPTIONS (DRF's metadata) and a method the path does not route are no
 * operations of the document.
 */
class ObservedResponsesIT {

    /** Answers to any request before an operation is chosen, which the document's description names once for all. */
    static final Set<String> SERVER_WIDE = Set.of("405", "406", "413", "415", "431");
    private static final Path DOCUMENT = Path.of("src/test/resources/openapi/portcullis.json");

    @Test
    void everyObservedAnswerIsDeclared() throws IOException {
        assertTrue(Files.exists(ObservedResponses.FILE), ObservedResponses.FILE + " is written by the HTTP tests");
        JsonNode paths = new ObjectMapper().readTree(DOCUMENT.toFile()).get("paths");
        Set<String> undeclared = new TreeSet<>();
        int observed = 0;
        for (String line : Files.readAllLines(ObservedResponses.FILE)) {
            if (line.isBlank()) {
                continue;
            }
            observed++;
            String[] parts = line.split(" ");
            String method = parts[0].toLowerCase(Locale.ROOT);
            String status = parts[2];
            JsonNode path = paths.get(parts[1]);
            JsonNode operation = path == null ? null : path.get(method.equals("head") ? "get" : method);
            // OPTIONS (DRF's metadata) and methods a path does not route are no operations of the document.
            if (SERVER_WIDE.contains(status) || operation == null) {
                continue;
            }
            if (!operation.get("responses").has(status)) {
                undeclared.add(line);
            }
        }
        assertTrue(observed > 100, "answers observed: " + observed);
        assertEquals(List.of(), List.copyOf(undeclared));
    }
}
