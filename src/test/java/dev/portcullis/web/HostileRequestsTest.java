package dev.portcullis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oversized and hostile requests over HTTP: bounded bodies, headers and documents answered in DRF's shape,
 * and 2,000 generated requests (a fixed seed) each answered as DRF's contract says
 * ({@link DrfAnswers}): never a 5xx, each status's body in DRF's words, a refused credential's exact 401.
 */
@QuarkusTest
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a 2 MB body                 |413|{\"detail\":\"Request body exceeded 1048576 bytes.\"}",
            "a document nested 900 deep  |400|{\"title\":[\"Not a valid string.\"]}",
            "a document nested 901 deep  |400|{\"detail\":\"JSON parse error - maximum recursion depth exceeded while decoding a JSON array from a unicode string\"}",
            "a 4,301-digit number        |400|{\"detail\":\"JSON parse error - Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit\"}",
            "a 300-character title       |400|{\"title\":[\"Ensure this field has no more than 200 characters.\"]}",
    })
    void oversizedBodiesAreRefusedInDrfsShape(String body, int status, String expected) throws Exception {
        String document = switch (body.strip()) {
            case "a 2 MB body" -> "{\"title\": \"" + "x".repeat(2_000_000) + "\"}";
            case "a document nested 900 deep" -> "{\"title\": " + "[".repeat(899) + "]".repeat(899) + "}";
            case "a document nested 901 deep" -> "{\"title\": " + "[".repeat(900) + "]".repeat(900) + "}";
            case "a 4,301-digit number" -> "{\"title\": " + "9".repeat(4301) + "}";
            default -> "{\"title\": \"" + "x".repeat(300) + "\"}";
        };
        Response response = Api.withToken(Api.token("hostile-user")).contentType("application/json").body(document)
                .post("/api/posts/");
        assertEquals(status, response.statusCode());
        assertEquals(JSON.readTree(expected), JSON.readTree(response.asString()));
        assertEquals("application/json", response.contentType());
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void oversizedHeadersAre431() {
        Response response = RestAssured.given().header("X-Padding", "y".repeat(20_000)).get("/api/public/");
        assertEquals(431, response.statusCode());
        assertEquals("", response.asString());
    }

    /**
     * A request made of generated parts: method, path, a list's paging, filter, search and ordering parameters (a name and value each, perhaps
     * repeated), Authorization header, content type and body.
     */
    private record Hostile(String method, String path, List<Map.Entry<String, String>> query, String authorization,
                           String contentType, String body) {

        /** The request to the service at {@code base}: the query's names and values form-encoded, the rest as is. */
        HttpRequest request(String base) {
            StringBuilder uri = new StringBuilder(base).append(path);
            for (int i = 0; i < query.size(); i++) {
                uri.append(i == 0 ? '?' : '&').append(URLEncoder.encode(query.get(i).getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(query.get(i).getValue(), StandardCharsets.UTF_8));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                    .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return request.build();
        }
    }

    /** Generated requests of every kind, from one seeded source of randomness: the same seed, the same requests. */
    private static final class HostileRequests {

        private static final List<String> PATHS = List.of("/api/posts/", "/api/notes/", "/api/documents/",
                "/api/token/", "/api/jwt/create/", "/api/jwt/refresh/", "/api/jwt/verify/", "/api/auth/login/",
                "/api/register/", "/api/data/", "/api/admin/grants/", "/api/admin/users/", "/api/_meta/explain/",
                "/api/probe/readonly/");
        private static final List<String> DETAIL_PATHS = List.of("/api/posts/", "/api/documents/", "/api/notes/",
                "/api/probe/or-posts/", "/api/admin/users/", "/api/admin/groups/");
        private static final List<String> FIELDS = List.of("title", "text", "username", "password", "refresh",
                "token", "permission", "object_id", "published");
        private static final List<String> VALUES = List.of("null", "true", "[]", "{}", "-1", "1e308",
                "99999999999999999999");
        /** A list's paging, filter, search and ordering parameters (and the names a newcomer might guess). */
        private static final List<String> QUERY_NAMES = List.of("limit", "offset", "page", "cursor", "search",
                "ordering", "published", "owner", "created_after", "created_before", "title", "id__in");
        private static final List<String> QUERY_VALUES = List.of("-1", "0", "1", "20", "last", "1.5", " 5 ", "1_0",
                "99999999999999999999", "", "NaN", "cD0xMjM=", "bz0xJnI9MSZwPTI=", "%", "_", "\u0000", "true", "False",
                "-title,id", "--id", "title,,", "2026-11-30T12:00:00Z", "2026-02-30T00:00", "1,x,3", "a%00b");

        private static final String PRINTABLE = IntStream.rangeClosed(' ', '~')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        /**
         * Characters an id may hold in a URL as it is (DRF's router takes any but {@code /} and {@code .}): letters,
         * digits and the sub-delimiters, less {@code ;}, which JAX-RS would read as a matrix parameter.
         */
        private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                + "-_~!$'()*+,=:@";

        private final Random random;
        private final String token;
        private final long post;

        HostileRequests(long seed, String token, long post) {
            this.random = new Random(seed);
            this.token = token;
            this.post = post;
        }

        Hostile next() {
            List<Map.Entry<String, String>> query = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                query.add(Map.entry(pick(QUERY_NAMES), random.nextBoolean() ? junk() : pick(QUERY_VALUES)));
            }
            return new Hostile(pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")), path(), query,
                    authorization(), pick(List.of("application/json", "application/x-www-form-urlencoded", "text/plain")),
                    body());
        }

        private String path() {
            if (random.nextInt(3) > 0) {
                return pick(PATHS);
            }
            String id = switch (random.nextInt(3)) {
                case 0 -> String.valueOf(post);
                case 1 -> "hostile-user";
                default -> junk(ID_CHARACTERS, 1, 25);
            };
            return pick(DETAIL_PATHS) + id + "/";
        }

        /** Most requests carry the real token, so that they get past authentication. */
        private String authorization() {
            return switch (random.nextInt(10)) {
                case 0, 1 -> null;
                case 2, 3, 4, 5 -> "Token " + token;
                case 6 -> junk();
                case 7 -> "Token " + junk();
                case 8 -> "Bearer " + junk();
                default -> "Basic " + junk();
            };
        }

        private String body() {
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    return junk();
                }
                case 2 -> {
                    return "{\"title\": " + JSON.valueToTree("t" + junk()) + "}";  // a valid post, now and then
                }
                default -> {
                }
            }
            String value = random.nextBoolean() ? JSON.valueToTree(junk()).toString() : pick(VALUES);
            return "{\"" + pick(FIELDS) + "\": " + value + "}";
        }

        private String junk() {
            return junk(PRINTABLE, 0, 40);
        }

        private String junk(String characters, int minLength, int maxLength) {
            StringBuilder junk = new StringBuilder();
            for (int length = minLength + random.nextInt(maxLength - minLength + 1); length > 0; length--) {
                junk.append(characters.charAt(random.nextInt(characters.length())));
            }
            return junk.toString();
        }

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }

    /** The seed of the generated requests: the same 2,000 every run unless {@code -Dportcullis.hostile.seed} says. */
    private static final long SEED = Long.getLong("portcullis.hostile.seed", 20261130L);

    /** How many requests are generated, and from which seed. */
    protected int generated() {
        return 2000;
    }

    protected long seed() {
        return SEED;
    }

    @Test
    void generatedRequestsAreAnsweredAsDrfWouldAnswerThem() throws Exception {
        String token = Api.token("hostile-user");
        long post = Api.post(token, "a post the generated requests can reach", true);
        long seed = seed();
        HostileRequests generator = new HostileRequests(seed, token, post);
        Map<Integer, Integer> statuses = new TreeMap<>();
        HttpClient client = Api.plainClient();
        for (int i = 0; i < generated(); i++) {
            Hostile hostile = generator.next();
            HttpResponse<String> response = client.send(hostile.request(Api.base()),
                    HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            DrfAnswers.assertAgrees(hostile.method(), hostile.path(), !hostile.query().isEmpty(),
                    hostile.authorization(), hostile.contentType(), token, response, "request " + i + " of seed "
                            + seed + " (-Dportcullis.hostile.seed=" + seed + "): " + hostile + " -> "
                            + response.statusCode() + " " + response.body());
        }
        System.err.println("Generated requests (seed " + seed + "), answers by status: " + statuses);
        // Past authentication: the generated requests reach permissions, validation, objects and methods too.
        assertTrue(statuses.keySet().containsAll(List.of(200, 400, 401, 403, 404, 405, 415)), statuses.toString());
    }
}
