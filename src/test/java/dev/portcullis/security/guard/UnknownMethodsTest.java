package dev.portcullis.security.guard;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any token is a valid HTTP method name. Thousands of invented ones get DRF's answers (401 for an anonymous
 * caller, 405 naming the method for an authenticated one) and leave no trace in what the service keeps: no new
 * policies, no new denial counters, no new metric series.
 */
@QuarkusTest
class UnknownMethodsTest {

    private static final Pattern SERIES = Pattern.compile("^(http_server_requests_seconds_count|portcullis_denials_total)\\{(.*)}",
            Pattern.MULTILINE);

    @Inject
    PolicyRegistry registry;

    /** The HTTP request and denial series on the Prometheus endpoint. */
    private static Set<String> series() {
        Set<String> series = new TreeSet<>();
        Matcher matcher = SERIES.matcher(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
        while (matcher.find()) {
            series.add(matcher.group(1) + matcher.group(2));
        }
        return series;
    }

    @Test
    void inventedMethodsShareOneKeyEverywhere() throws Exception {
        String token = Api.token("method-inventor");
        Random random = new Random(20261130);
        String first = "SRQZA1";
        for (String path : new String[]{"/api/private/", "/api/posts/1/"}) {
            Response anonymous = RestAssured.given().request(first, path);
            assertEquals(401, anonymous.statusCode(), anonymous.asString());
            assertEquals(Map.of("detail", "Authentication credentials were not provided."), anonymous.jsonPath().getMap("$"));
            assertEquals("Token", anonymous.header("WWW-Authenticate"));
            Response known = Api.withToken(token).request(first, path);
            assertEquals(405, known.statusCode(), known.asString());
            assertEquals(Map.of("detail", "Method \"" + first + "\" not allowed."), known.jsonPath().getMap("$"));
        }
        int policies = registry.defaultPoliciesKept();
        series(); // its own request's series, before counting
        Set<String> series = series();

        HttpClient client = Api.plainClient();
        for (int i = 0; i < 3_000; i++) {
            String method = randomMethod(random);
            boolean authenticated = i % 2 == 0;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.base()
                    + (i % 3 == 0 ? "/api/posts/" + i + "/" : "/api/private/")))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (authenticated) {
                request.header("Authorization", "Token " + token);
            }
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(authenticated ? 405 : 401, status, method);
        }

        assertEquals(policies, registry.defaultPoliciesKept(), "no policy per method name");
        System.out.printf("UnknownMethodsTest: 3,000 invented methods; %d default policies and %d request/denial "
                + "series before and after%n", policies, series.size());
        assertEquals(series, series(), "no metric series per method name or id");
    }

    private static String randomMethod(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder method = new StringBuilder("X");
        for (int i = 0; i < 3 + random.nextInt(8); i++) {
            method.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return method.toString();
    }
}
