package dev.portcullis.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README and the manual cannot drift from the service: every {@code $ curl} of their {@code console} blocks is
 * sent, in order (the README's, then each page's of {@code docs/index.md}),
 * to a service configured as {@code ./mvnw quarkus:dev} runs it (a fresh database, the {@code admin} superuser,
 * hints on), and the answer must be the one shown — status and headers where the README shows them, and the
 * body, where {@code …} stands for what the README leaves out. A hint the README does not show is left out of
 * the comparison; blocks that only illustrate are written as {@code text}, not {@code console}.
 */
@QuarkusTest
@TestProfile(ReadmeExamplesTest.AsInDevMode.class)
class ReadmeExamplesTest {

    public static class AsInDevMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.explain-denials", "true",
                    "portcullis.bootstrap-admin.username", "admin", "portcullis.bootstrap-admin.password", "admin");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyConsoleExampleAnswersAsTheReadmeShows() throws Exception {
        Bindings bindings = new Bindings();
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (Path page : pages()) {
            List<ConsoleExample> examples = ConsoleExample.parse(Files.readString(page));
            count += examples.size();
            for (ConsoleExample example : examples) {
                String where = page + ":" + example.line();
                if (example.status() == null && example.body() == null) {
                    wrong.add(where + ": shows no answer; a block that only illustrates is `text`");
                    continue;
                }
                Response response = send(example, bindings);
                String answered = answeredBody(response, example.body(), bindings);
                String problem = disagreement(example, response, answered, bindings);
                if (problem != null) {
                    wrong.add(where + ": " + example.command() + "\n    " + problem);
                }
            }
        }
        assertTrue(count >= 20, "the console examples: " + count);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " of " + count + " examples answer otherwise:\n" + String.join("\n", wrong));
        }
    }

    /** The README, then the manual's pages in the order of its map (their examples go on from the README's). */
    static List<Path> pages() throws java.io.IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\]\\(([a-z-]+\\.md)\\)")
                .matcher(Files.readString(Path.of("docs/index.md")));
        while (link.find()) {
            Path page = Path.of("docs", link.group(1));
            if (!pages.contains(page)) {
                pages.add(page);
            }
        }
        return pages;
    }

    private static Response send(ConsoleExample example, Bindings bindings) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false);
        example.headers().forEach((name, value) -> request.header(name, bindings.resolve(value)));
        if (example.data() != null) {
            request.body(bindings.resolve(example.data()));
        }
        return request.request(example.method(), bindings.resolve(example.path()));
    }

    /** The body, without the hint when the README does not show one; remembers the JWTs it holds. */
    private static String answeredBody(Response response, String shown, Bindings bindings) throws Exception {
        String body = response.asString();
        if (body.isEmpty() || !body.startsWith("{")) {
            return body;
        }
        JsonNode json = JSON.readTree(body);
        json.fields().forEachRemaining(field -> bindings.answered(field.getKey(), field.getValue().asText()));
        if (shown != null && !shown.contains("\"hint\"") && json instanceof ObjectNode object && object.has("hint")) {
            object.remove("hint");
            return JSON.writeValueAsString(object);
        }
        return body;
    }

    private static String disagreement(ConsoleExample example, Response response, String answered, Bindings bindings) {
        if (example.status() != null && example.status() != response.statusCode()) {
            return "status " + response.statusCode() + " " + answered + ", the README shows " + example.status();
        }
        for (Map.Entry<String, String> header : example.expectedHeaders().entrySet()) {
            if (!bindings.resolve(header.getValue()).equals(response.header(header.getKey()))) {
                return header.getKey() + ": " + response.header(header.getKey()) + ", the README shows " + header.getValue();
            }
        }
        if (example.body() != null && !ShownBody.matches(example.body(), answered, bindings)) {
            return "answered " + response.statusCode() + " " + answered + "\n    the README shows " + example.body();
        }
        return null;
    }
}
