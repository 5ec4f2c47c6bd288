package dev.portcullis.web;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarkus REST's route after authentication finds the failure handler already replaced, so it does not build a
 * request mapper to name the route — yet the HTTP metrics still name every answer by its route template.
 */
@QuarkusTest
class AuthFailureRoutingTest {

    private static final String PROBE = "X-Routing-Probe";
    /** What the probe saw, by the probe header's value: the route template, and the failure handler's kind. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    /** A route right after Quarkus REST's: what it left in the routing context, for requests that ask. */
    @Singleton
    static class Probe {
        void install(@Observes Router router) {
            router.route().order(AuthFailureRouting.ORDER + 1).handler(Probe::look);
        }

        private static void look(RoutingContext context) {
            String probe = context.request().getHeader(PROBE);
            if (probe != null) {
                Object handler = context.get(AuthFailureRouting.KEY);
                // Where Quarkus REST keeps a route template: the request's own (duplicated) Vert.x context.
                Object template = Vertx.currentContext().getLocal("UrlPathTemplate");
                SEEN.put(probe, template + " "
                        + (handler instanceof DefaultAuthFailureHandler ? "quarkus-default" : "mapped"));
            }
            context.next();
        }
    }

    @ParameterizedTest(name = "GET {0} -> {1}, metrics uri {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/public/          |200|/api/public",
            "/api/private/         |401|/api/private",
            "/api/posts/987654321/ |404|/api/posts/{id}",
            "/api/nowhere/         |404|NOT_FOUND",
    })
    void noRequestMapperIsBuiltAndMetricsStillNameTheRoute(String path, int status, String template)
            throws InterruptedException {
        String probe = UUID.randomUUID().toString();
        double before = requests(status, template.strip());
        RestAssured.given().header(PROBE, probe).get(path.strip()).then().statusCode(status);

        assertEquals("null mapped", SEEN.get(probe));
        assertEquals(before + 1, recorded(before + 1, status, template.strip()));
    }

    /**
     * The count once it reaches the expected one, or after two seconds: the server records an answer when it has
     * been written, which may be just after the client read it.
     */
    private static double recorded(double expected, int status, String template) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        double count = requests(status, template);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            count = requests(status, template);
        }
        return count;
    }

    /** The count of GET requests answered with the status, by route template, on the Prometheus endpoint. */
    private static double requests(int status, String template) {
        Matcher series = Pattern.compile("^http_server_requests_seconds_count\\{(.*)} (\\S+)$", Pattern.MULTILINE)
                .matcher(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
        double count = 0;
        while (series.find()) {
            String tags = series.group(1);
            if (tags.contains("method=\"GET\"") && tags.contains("status=\"" + status + "\"")
                    && tags.contains("uri=\"" + template + "\"")) {
                count += Double.parseDouble(series.group(2));
            }
        }
        return count;
    }
}
