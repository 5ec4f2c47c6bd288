package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Paths as Django routes them — decoded, segment by segment, nothing merged or resolved — sent exactly as written
 * (Java's HTTP client neither normalises nor re-encodes a path). The answers are Django's and DRF's
 * ({@code tools/drf/paths.py} asks DRF for each row), but for the two rows marked: an encoded slash is a slash, an
 * empty or dot segment matches no route. Before, {@code OPTIONS /api/admin/users/x%2F/} was
 * answered 200 with an {@code Allow} header by Quarkus REST, unauthenticated, and an invented id a client sent with
 * an unacceptable {@code Accept} started a metric series of its own.
 */
@QuarkusTest
class DecodedPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String NOT_FOUND = "{\"detail\": \"Not found.\"}";
    private static final String NOT_PROVIDED = "{\"detail\": \"Authentication credentials were not provided.\"}";

    private static HttpResponse<String> send(String method, String path, String actor, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", accept);
        if (actor.equals("user")) {
            request.header("Authorization", "Token " + Api.token("path-user"));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // An encoded slash is a slash: the admin's user endpoints have no path of two segments.
            "OPTIONS|/api/admin/users/x%2F/          |anonymous|404|" + NOT_FOUND,
            "OPTIONS|/api/admin/users/x%2f/          |user     |404|" + NOT_FOUND,
            "GET    |/api/admin/users/a%2Fb/         |anonymous|404|" + NOT_FOUND,
            "DELETE |/api/admin/users/a%2Fb/devices/ |anonymous|404|" + NOT_FOUND,
            "DELETE |/api/admin/users/a%2Fb/devices/ |user     |404|" + NOT_FOUND,
            "GET    |/api/admin/users/x%2F..%2F/     |anonymous|404|" + NOT_FOUND,
            // ... and where the decoded path is an endpoint's, it is that endpoint, with its checks
            "GET    |/api%2Fpublic/                  |anonymous|200|{\"data\": \"public\"}",
            "OPTIONS|/api/data%2F                    |anonymous|401|" + NOT_PROVIDED,
            // (unless other escapes come with the slash: it would be decoded twice — Django would route the second).
            "PATCH  |/api/admin/users/%25/devices/a%2fb/|user  |404|" + NOT_FOUND,
            "GET    |/api%2Fpublic/?x=%41             |anonymous|404|" + NOT_FOUND,
            // OPTIONS of a path no endpoint serves, under an endpoint's prefix: 404, as every other method.
            "OPTIONS|/api/admin/users/x/y/           |anonymous|404|" + NOT_FOUND,
            "OPTIONS|/api/posts/1/2/                 |user     |404|" + NOT_FOUND,
            "OPTIONS|/api/public/x/                  |anonymous|404|" + NOT_FOUND,
            "GET    |/api/%70ublic/                  |anonymous|200|{\"data\": \"public\"}",
            // Nothing is merged or resolved: no alias of an endpoint.
            "GET    |/api/public//                   |anonymous|404|" + NOT_FOUND,
            "GET    |//api/public/                   |anonymous|404|" + NOT_FOUND,
            "GET    |/api//public/                   |anonymous|404|" + NOT_FOUND,
            "GET    |/api/public/./                  |anonymous|404|" + NOT_FOUND,
            "GET    |/api/admin/users/y/../x/        |anonymous|404|" + NOT_FOUND,
            // A whole dot segment, even where Django would take it for a username: the HTTP server would resolve it.
            "GET    |/api/admin/users/%2e%2e/        |anonymous|404|" + NOT_FOUND,
            "GET    |/api/admin/users/x/%2E/         |user     |404|" + NOT_FOUND,
            // A dot inside a segment is an ordinary character.
            "GET    |/api/public/.well-known/        |anonymous|404|" + NOT_FOUND,
    })
    void pathsAreRoutedAsDjangoRoutesThem(String method, String path, String actor, int status, String body)
            throws Exception {
        HttpResponse<String> response = send(method.strip(), path.strip(), actor.strip(), "application/json");
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(JSON.readTree(body), JSON.readTree(response.body()));
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        // A view's answer names its methods (the two views answering here, public and data, have GET alone); a
        // path no view serves names none.
        assertEquals(status == 404 ? Optional.empty() : Optional.of("GET, HEAD, OPTIONS"),
                response.headers().firstValue("Allow"));
    }

    private static final Pattern DOCUMENT_SERIES = Pattern.compile(
            "^http_server_requests_seconds_count\\{[^}]*uri=\"(/api/documents/[^\"]*)\"", Pattern.MULTILINE);

    private static void awaitSeries(String tag) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!RestAssured.get("/q/metrics").asString().contains(tag) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static Set<String> documentSeries() {
        Set<String> uris = new TreeSet<>();
        Matcher matcher = DOCUMENT_SERIES.matcher(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        return uris;
    }

    /**
     * Answers given before a resource method is matched — Quarkus REST's 406 for an unacceptable {@code Accept}
     * (DRF negotiates before it authenticates), a host that is not allowed, a path with a dot segment — start no
     * series of their own: an id a
     * client invents must not become a metric, nor use up Micrometer's cap on URI tags.
     */
    @Test
    void answersGivenBeforeAMethodIsMatchedStartNoSeriesOfTheirOwn() throws Exception {
        for (int id = 7_000_001; id <= 7_000_005; id++) {
            HttpResponse<String> response = send("PATCH", "/api/documents/" + id + "/", "anonymous", "application/xml");
            assertEquals(406, response.statusCode(), response.body());
            assertEquals(JSON.readTree("{\"detail\": \"Could not satisfy the request Accept header.\"}"),
                    JSON.readTree(response.body()));
        }
        RestAssured.given().header("Host", "elsewhere.example").get("/api/documents/7000006/").then().statusCode(400);
        send("GET", "/api/documents/7000007/../7000008/", "anonymous", "application/json");
        send("GET", "/api/documents/7000009//", "anonymous", "application/json");
        awaitSeries("uri=\"/invalid-path\"");  // an answer is counted once it has been written, maybe after it was read
        Set<String> uris = documentSeries();
        assertEquals(true, uris.contains("/api/documents/{id}"), uris.toString());
        assertEquals(Set.of(), uris.stream().filter(uri -> uri.matches(".*\\d.*")).collect(Collectors.toSet()));
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(true, metrics.contains("status=\"400\",uri=\"/invalid-host\""), "a refused host's series");
        assertEquals(true, metrics.contains("status=\"404\",uri=\"/invalid-path\""), "a refused path's series");
    }
}
