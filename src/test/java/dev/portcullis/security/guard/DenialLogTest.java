package dev.portcullis.security.guard;

import dev.portcullis.api.Api;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each denial — by an authentication class, a request-level or object-level permission, the CSRF check, a guarded
 * service — is written once to the {@code dev.portcullis.denials} log and counted once, whatever the answer is
 * rendered as; a request that is let through, or answered 404, writes nothing there.
 */
@QuarkusTest
class DenialLogTest {

    private static final Logger DENIALS = Logger.getLogger("dev.portcullis.denials");

    @Inject
    MeterRegistry meters;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(((ExtLogRecord) record).getFormattedMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level configured;

    @BeforeEach
    void listen() {
        configured = DENIALS.getLevel();
        DENIALS.setLevel(Level.INFO);  // the test profile keeps these lines out of the build's output
        DENIALS.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        DENIALS.removeHandler(capture);
        DENIALS.setLevel(configured);
    }

    /** {@code as}: anonymous, a bad token, a user's token, a user's session without its CSRF token. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET   |/api/data/                  |anonymous  |401|IsAuthenticated     |json",
            "GET   |/api/data/                  |anonymous  |401|IsAuthenticated     |html",
            "GET   |/api/data/                  |bad token  |401|TokenAuthentication |json",
            "GET   |/api/admin-only/            |user       |403|IsAdminUser         |json",
            "PUT   |/api/posts/{others}/        |user       |403|IsOwnerOrReadOnly   |json",
            "DELETE|/api/posts/{others}/        |user       |403|IsAdminOrOwner      |json",
            "POST  |/api/posts/                 |session    |403|SessionAuthentication|json",
            "CALL  |/api/examples/staff-report/ |user       |403|IsAdminUser         |json",
            "GET   |/api/data/                  |user       |200|-                   |json",
            "GET   |/api/posts/{others-draft}/  |user       |404|-                   |json",
    })
    void eachDenialIsLoggedAndCountedOnce(String method, String path, String as, int status, String deniedBy,
                                          String format) {
        String owner = Api.token("denial-owner");
        RequestSpecification request = switch (as.strip()) {
            case "bad token" -> RestAssured.given().header("Authorization", "Token not-a-real-key");
            case "user" -> Api.withToken(Api.token("denial-user"));
            case "session" -> {
                Api.token("denial-browser");
                yield RestAssured.given().cookie("sessionid", Api.browser("denial-browser").session());
            }
            default -> RestAssured.given();
        };
        String resolved = path.strip()
                .replace("{others}", String.valueOf(Api.post(owner, "not the caller's", true)))
                .replace("{others-draft}", String.valueOf(Api.post(owner, "not the caller's draft", false)));
        request.accept(format.strip().equals("html") ? "text/html" : "application/json")
                .contentType(ContentType.JSON).body(Map.of("title", "denied?"));
        lines.clear();
        double counted = denialsCounted();

        // A guarded service method the endpoint calls is named as the lockfile names it.
        Response response = request.request(method.strip().equals("CALL") ? "GET" : method.strip(), resolved);

        assertEquals(status, response.statusCode(), response.asString());
        if (deniedBy == null) {
            assertEquals(List.of(), lines);
            assertEquals(counted, denialsCounted());
            return;
        }
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        String expected = "denied status=" + status + " method=" + method.strip() + " endpoint=";
        assertEquals(expected, line.substring(0, expected.length()), line);
        assertEquals(deniedBy.strip(), line.replaceAll(".* denied_by=(\\S+) .*", "$1"), line);
        assertEquals(counted + 1, denialsCounted());
    }

    private double denialsCounted() {
        return meters.find("portcullis.denials").counters().stream().mapToDouble(Counter::count).sum();
    }
}
