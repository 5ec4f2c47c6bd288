package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.accounts.Tokens;
import dev.portcullis.accounts.User;
import dev.portcullis.api.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browsable API: a browser gets an HTML page for every endpoint — answer, view, classes, caller, forms, and
 * for a denial DRF's words and the class that denied — while API clients get exactly the JSON they always did.
 */
@QuarkusTest
class BrowsableApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    private static Response page(RequestSpecification request, String path) {
        return page(request, path, "GET");
    }

    private static Response page(RequestSpecification request, String path, String method) {
        Response response = request.header("Accept", BROWSER).request(method, path);
        assertEquals("text/html;charset=UTF-8", response.contentType(), path);
        assertEquals(BrowsableApi.CONTENT_SECURITY_POLICY, response.header("Content-Security-Policy"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("Accept, Authorization, Cookie", response.header("Vary"));
        return response;
    }

    /**
     * Which Accept headers get the page: only a preference for HTML over JSON, or ?format=api. A ?format= (the last
     * one; an empty one names nothing) names a renderer the Accept header must still admit: else 406, and a format
     * no renderer has is a 404 — before authentication, as DRF negotiates first. Each row is DRF 3.14's answer.
     */
    @ParameterizedTest(name = "{0} Accept [{1}] ?format={2} -> {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/api/public/ |BROWSER                            |-       |200|text/html;charset=UTF-8",
            "/api/public/ |text/html                          |-       |200|text/html;charset=UTF-8",
            "/api/public/ |application/json;q=0.5, text/html  |-       |200|application/json",
            "/api/public/ |text/html;level=1, application/json|-       |200|text/html;charset=UTF-8",
            "/api/public/ |text/*                             |-       |200|text/html;charset=UTF-8",
            "/api/public/ |*/html                             |-       |200|text/html;charset=UTF-8",
            "/api/public/ |Text/HTML                          |-       |200|text/html;charset=UTF-8",
            "/api/public/ |text/*, application/*              |-       |200|application/json",
            "/api/public/ |application/json                   |-       |200|application/json",
            "/api/public/ |*/*                                |-       |200|application/json",
            "/api/public/ |-                                  |-       |200|application/json",
            "/api/public/ |application/json, text/html        |-       |200|application/json",
            "/api/public/ |application/json;q=0               |-       |200|application/json",
            "/api/public/ |*/*;q=0                            |-       |200|application/json",
            "/api/public/ |text/plain, application/json;q=0   |-       |200|application/json",
            "/api/public/ |application/json;q=0, text/html    |-       |200|application/json",
            "/api/public/ |text/html;q=0                      |-       |200|text/html;charset=UTF-8",
            "/api/public/ |text/plain                         |-       |406|Could not satisfy the request Accept header.",
            "/api/public/ |BROWSER                            |json    |200|application/json",
            "/api/public/ |application/json;q=0               |json    |200|application/json",
            "/api/public/ |*/json                             |json    |200|application/json",
            "/api/public/ |text/html                          |json    |406|Could not satisfy the request Accept header.",
            "/api/public/ |text/*                             |json    |406|Could not satisfy the request Accept header.",
            "/api/public/ |*/*                                |api     |200|text/html;charset=UTF-8",
            "/api/public/ |-                                  |api     |200|text/html;charset=UTF-8",
            "/api/public/ |TEXT/HTML                          |api     |200|text/html;charset=UTF-8",
            "/api/public/ |application/json                   |api     |406|Could not satisfy the request Accept header.",
            "/api/public/ |application/*                      |api     |406|Could not satisfy the request Accept header.",
            "/api/public/ |text/html                          |''      |200|text/html;charset=UTF-8",
            "/api/public/ |application/json                   |xml     |404|Not found.",
            "/api/public/ |-                                  |JSON    |404|Not found.",
            "/api/public/ |-                                  |xml,json|200|application/json",
            "/api/public/ |-                                  |json,xml|404|Not found.",
            "/api/public/ |text/html                          |api,''  |200|text/html;charset=UTF-8",
            "/api/private/|-                                  |xml     |404|Not found.",
            "/api/private/|text/html                          |json    |406|Could not satisfy the request Accept header.",
    })
    void onlyABrowserGetsThePage(String path, String accept, String formats, int status, String expected) {
        RequestSpecification request = RestAssured.given();
        if (accept != null) {
            request.header("Accept", accept.equals("BROWSER") ? BROWSER : accept);
        } else {
            request.noFilters().config(RestAssured.config().encoderConfig(
                    RestAssured.config().getEncoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        }
        if (formats != null) {
            request.queryParam("format", (Object[]) formats.replace("''", "").split(",", -1));
        }
        Response response = request.get(path);
        assertEquals(status, response.statusCode(), response.asString());
        if (status != 200) {
            assertEquals("application/json", response.contentType());
            assertEquals("{\"detail\":\"" + expected + "\"}", response.asString());
            return;
        }
        assertEquals(expected, response.contentType());
        if (expected.startsWith("application/json")) {
            assertEquals(RestAssured.given().header("Accept", "application/json").get(path).asString(),
                    response.asString(), "JSON clients get today's JSON");
        }
    }

    /** DRF negotiates in initial(), before it looks the handler up: a ?format= no renderer has is a 404, not a 405. */
    @ParameterizedTest(name = "{0} /api/public/?format=xml -> 404")
    @CsvSource({"DELETE", "POST", "OPTIONS"})
    void anUnknownFormatComesBeforeAMethodTheViewLacks(String method) {
        Response response = RestAssured.given().queryParam("format", "xml").request(method, "/api/public/");
        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.contentType());
        assertEquals("{\"detail\":\"Not found.\"}", response.asString());
    }

    /** Django decodes a parameter's name as its value: {@code ?%66ormat=} is {@code ?format=} (DRF's answers). */
    @ParameterizedTest(name = "{0} Accept [{1}] -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "?%66ormat=json | BROWSER          | 200 | application/json",
            "?%66ormat=xml  | -                | 404 | Not found.",
            "?fo%72mat=api  | application/json | 406 | Could not satisfy the request Accept header.",
            "?%66ormat=api  | -                | 200 | text/html;charset=UTF-8",
    })
    void anEscapedFormatIsTheFormat(String query, String accept, int status, String expected) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false);
        if (!accept.equals("-")) {
            request.header("Accept", accept.equals("BROWSER") ? BROWSER : accept);
        }
        Response response = request.get("/api/public/" + query);
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 200) {
            assertEquals(expected, response.contentType());
        } else {
            assertEquals("application/json", response.contentType());
            assertEquals("{\"detail\":\"" + expected + "\"}", response.asString());
        }
    }

    /** DRF's JSONRenderer answers {@code application/json} whatever the parameters of the range that chose it. */
    @ParameterizedTest(name = "{0} Accept [{1}]")
    @CsvSource(delimiter = '|', value = {
            "/api/posts/     | application/json;q=0.5",
            "/api/posts/     | application/json;q=0",
            "/api/posts/     | text/plain, application/json;q=0",
            "/api/posts/     | application/json;charset=utf-8",
            "/api/posts/     | application/json;version=2",
            "/api/auth/csrf/ | application/json; q=0.9",
    })
    void anAcceptWithParametersGetsPlainJson(String path, String accept) throws Exception {
        Response response = RestAssured.given().header("Accept", accept).get(path);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/json", response.getHeader("Content-Type"));
        assertEquals(shape(RestAssured.given().header("Accept", "application/json").get(path).asString()),
                shape(response.asString()));
    }

    /** A JSON answer's top-level names (or its length, for a list): the same answer, whatever its token or time. */
    private static String shape(String json) throws Exception {
        JsonNode answer = JSON.readTree(json);
        List<String> names = new ArrayList<>();
        answer.fieldNames().forEachRemaining(names::add);
        return answer.isArray() ? "a list of " + answer.size() : "an object of " + names;
    }

    /** DRF's page is headed by its view's name and docstring: SimpleJWT's, for the JWT endpoints. */
    @Test
    void aPageIsHeadedByTheViewsNameAndDescription() {
        String html = page(RestAssured.given(), "/api/jwt/create/").asString();
        assertTrue(html.contains("<title>Token Obtain Pair – GET /api/jwt/create/ – Portcullis</title>"), html);
        assertTrue(html.contains("<h1>Token Obtain Pair"), html);
        assertTrue(html.contains("<p class=\"description\">Takes a set of user credentials and returns an access and "
                + "refresh JSON web\ntoken pair to prove the authentication of those credentials.</p>"), html);
        String list = page(RestAssured.given(), "/api/posts/").asString();
        assertTrue(list.contains("<title>Post List – GET /api/posts/ – Portcullis</title>"), list);
        assertFalse(list.contains("class=\"description\""), "a view with no description shows none");
    }

    /**
     * DRF's {@code JSONRenderer} indents its JSON by the {@code indent} parameter of the range that chose it (Python's
     * {@code int}, at most 8; 0 or a value that is no integer: compact), an error too; {@code \\n} is a new line.
     * tools/drf/indents.py asks DRF for every row.
     */
    @ParameterizedTest(name = "{0} Accept [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/public/ |application/json; indent=4               |200|{\\n    \"data\": \"public\"\\n}",
            "/api/public/ |application/json;indent=2                |200|{\\n  \"data\": \"public\"\\n}",
            "/api/public/ |*/*; indent=3                            |200|{\\n   \"data\": \"public\"\\n}",
            "/api/public/ |application/*; indent=1                  |200|{\\n \"data\": \"public\"\\n}",
            "/api/public/ |application/json; indent=12              |200|{\\n        \"data\": \"public\"\\n}",
            "/api/public/ |application/json; indent=4; q=0.5        |200|{\\n    \"data\": \"public\"\\n}",
            "/api/public/ |application/json; INDENT = \" 2\"          |200|{\\n  \"data\": \"public\"\\n}",
            "/api/public/ |application/json; indent=+1_0            |200|{\\n        \"data\": \"public\"\\n}",
            "/api/public/ |text/html, application/json; indent=2    |200|{\\n  \"data\": \"public\"\\n}",
            "/api/public/ |application/json, */*; indent=2          |200|{\"data\":\"public\"}",
            "/api/public/ |application/json; indent=0               |200|{\"data\":\"public\"}",
            "/api/public/ |application/json; indent=-1              |200|{\"data\":\"public\"}",
            "/api/public/ |application/json; indent=x               |200|{\"data\":\"public\"}",
            "/api/public/ |application/json; indent                 |200|{\"data\":\"public\"}",
            "/api/public/ |application/json; level=1                |200|{\"data\":\"public\"}",
            "/api/private/|application/json; indent=4               |401|{\\n    \"detail\": \"Authentication credentials were not provided.\"\\n}",
    })
    void anAcceptIndentIndentsTheJson(String path, String accept, int status, String expected) {
        Response response = RestAssured.given().header("Accept", accept.strip()).get(path.strip());
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/json", response.contentType());
        assertEquals(expected.replace("\\n", "\n"), response.asString());
    }

    /** DRF's page answers OPTIONS too: the metadata, with the fields a write takes, as the page's JSON. */
    @Test
    void anOptionsPageShowsTheMetadata() {
        String html = page(Api.withToken(Api.token("browse-options")), "/api/posts/", "OPTIONS").asString();
        assertTrue(html.contains("<h1>Post List"), html);
        assertTrue(html.contains("<b>HTTP 200 OK</b>"), html);
        assertTrue(html.contains("&quot;actions&quot;: {\n        &quot;POST&quot;: {\n            &quot;id&quot;: {"), html);
    }

    /** A page of a list, written row by row, is indented as a whole: the same JSON, laid out. */
    @Test
    void aListIsIndentedAsAWhole() throws Exception {
        Api.post(Api.token("indent-owner"), "indented", true);
        String compact = RestAssured.given().get("/api/posts/?limit=2").asString();
        String indented = RestAssured.given().header("Accept", "application/json; indent=2").get("/api/posts/?limit=2")
                .asString();
        assertTrue(indented.startsWith("{\n  \"count\": "), indented);
        assertTrue(indented.contains("\n  \"results\": [\n    {\n      \"id\": "), indented);
        assertEquals(JSON.readTree(compact), JSON.readTree(indented));
    }

    @Test
    void aListPageShowsTheAnswerTheViewItsClassesAndTheLoginForm() {
        Api.post(Api.token("browse-owner"), "listed on the page", true);
        String html = page(RestAssured.given(), "/api/posts/?limit=1").asString();
        assertTrue(html.contains("<h1>Post List <small>action list</small></h1>"), html);
        assertTrue(html.contains("<b>HTTP 200 OK</b>\nAllow: GET, POST, HEAD, OPTIONS\n"), html);
        assertTrue(html.contains("<dt>Permission classes</dt><dd>AllowAny</dd>"), html);
        assertTrue(html.contains("<dt>Authentication classes</dt><dd>TokenAuthentication, JWTAuthentication, SessionAuthentication</dd>"), html);
        assertTrue(html.contains("<span class=\"who\">Not signed in</span>"), html);
        assertTrue(html.contains("<form action=\"/api/auth/login/\" method=\"post\" data-api data-then=\"reload\">"), html);
        assertTrue(html.matches("(?s).*<a rel=\"next\" href=\"http://[^\"]+/api/posts/\\?limit=1&amp;offset=1\">Next »</a>.*"), html);
        assertFalse(html.contains("<section class=\"raw\">"), "no unsafe-method form for an anonymous caller");
    }

    @Test
    void aDenialShowsDrfsWordsTheStatusAndTheClassThatDenied() {
        Response response = page(RestAssured.given(), "/api/data/");
        assertEquals(401, response.statusCode());
        assertEquals("Token", response.header("WWW-Authenticate"));
        String html = response.asString();
        assertTrue(html.contains("<h2>401 Unauthorized: Authentication credentials were not provided.</h2>"), html);
        assertTrue(html.contains("<p>Denied by <b>IsAuthenticated</b>.</p>"), html);
        assertFalse(html.contains("class=\"why\""), "hints are off, and the caller is not staff");
    }

    /** Staff read why on the page; the JSON answer stays DRF's (hints are off in this profile). */
    @Test
    void staffReadTheExplanationOnThePageOnly() {
        String staff = Api.token("browse-staff", true, false, true);
        String html = page(Api.withToken(staff), "/api/probe/not-staff/").asString();
        assertTrue(html.contains("<p>Denied by <b>~IsAdminUser</b>.</p>"), html);
        assertTrue(html.contains("<p class=\"why\">~IsAdminUser denied GET /api/probe/not-staff/ (action &#39;get&#39;): "
                + "IsAdminUser allows this request, and ~IsAdminUser allows only what IsAdminUser does not."), html);
        assertEquals("{\"detail\":\"You do not have permission to perform this action.\"}",
                Api.withToken(staff).get("/api/probe/not-staff/").asString());
    }

    @Test
    void aSessionUserGetsARawFormForTheUnsafeMethodsWithTheSessionsCsrfToken() {
        Api.token("browse-session");
        Api.Browser browser = Api.browser("browse-session");
        String html = page(RestAssured.given().cookie("sessionid", browser.session()).cookie("csrftoken", browser.csrf()),
                "/api/posts/").asString();
        assertTrue(html.contains("Signed in as <b>browse-session</b> by SessionAuthentication"), html);
        assertTrue(html.contains("<select name=\"_method\"><option>POST</option></select>"), html);
        assertTrue(html.contains("<form class=\"inline\" action=\"/api/auth/logout/\""), html);
        // DRF's raw data form: a new post's writable fields with their initial values, indented as DRF indents.
        assertTrue(html.contains("<textarea name=\"_content\" rows=\"8\">{\n    &quot;title&quot;: &quot;&quot;,\n"
                + "    &quot;body&quot;: &quot;&quot;,\n    &quot;published&quot;: false\n}</textarea>"), html);
        // On a post's own path, the form starts from the post as answered, to change it.
        int id = Api.post(Api.token("browse-session"), "changed from the page", false);
        String post = page(RestAssured.given().cookie("sessionid", browser.session()).cookie("csrftoken", browser.csrf()),
                "/api/posts/" + id + "/").asString();
        assertTrue(post.contains("<select name=\"_method\"><option>PUT</option><option>PATCH</option><option>DELETE</option></select>"), post);
        assertTrue(post.matches("(?s).*<textarea name=\"_content\" rows=\"8\">\\{\n    &quot;id&quot;: " + id
                + ",\n    &quot;title&quot;: &quot;changed from the page&quot;,\n.*&quot;published&quot;: false,\n"
                + "    &quot;owner&quot;: &quot;browse-session&quot;,\n.*</textarea>.*"), post);
    }

    /** A 204 has no body; the page, which is one, says 204 and reaches the browser as a 200. */
    @Test
    void aDeletionsPageSays204() {
        String token = Api.token("browse-delete");
        int id = Api.post(token, "deleted from the page", true);
        Response response = page(Api.withToken(token), "/api/posts/" + id + "/", "DELETE");
        assertEquals(200, response.statusCode());
        assertTrue(response.asString().contains("<b>HTTP 204 No Content</b>"), response.asString());
        assertEquals(404, Api.withToken(token).get("/api/posts/" + id + "/").statusCode());
        assertEquals(204, Api.withToken(token).delete("/api/posts/" + Api.post(token, "deleted by a client", true) + "/")
                .statusCode());
    }

    @Test
    void everyValueIsEscaped() {
        String token = Api.token("browse-escape");
        int id = Api.post(token, "<script>alert('title')</script>", true);
        String html = page(RestAssured.given().urlEncodingEnabled(false), "/api/posts/" + id + "/?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
                .asString();
        assertTrue(html.contains("&quot;title&quot;: &quot;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;&quot;"), html);
        assertEquals(1, html.split("<script", -1).length - 1, "the page's own script only: " + html);
    }

    @Inject
    Tokens tokens;

    /**
     * A username the validators would refuse today (an account imported from elsewhere, say) is shown escaped, in
     * the header and in the answer.
     */
    @Test
    void aUsernameIsEscapedWhereverItIsShown() {
        String username = "<img src=x onerror=alert(1)>" + System.nanoTime();
        String token = QuarkusTransaction.requiringNew().call(() -> {
            User user = new User();
            user.username = username;
            user.passwordHash = "!";
            user.persist();
            return tokens.issue(user, "browsable API test");
        });
        String html = page(Api.withToken(token), "/api/me/").asString();
        assertTrue(html.contains("Signed in as <b>&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("&quot;username&quot;: &quot;&lt;img src=x onerror=alert(1)&gt;"), html);
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void theEndpointMapMarksWhatAnyoneMayCallAndAsksWouldUserUBeAllowed() {
        String html = page(Api.withToken(Api.adminToken()), "/api/_meta/policies/").asString();
        assertTrue(html.contains("<tr class=\"open\"><td><code>GET /api/posts/</code></td><td>PostResource, action list</td>"), html);
        assertTrue(html.contains("<td><b>open to anyone</b></td>"), html);
        assertTrue(html.contains("<tr><td><code>DELETE /api/posts/{id}/</code></td><td>PostResource, action destroy</td>"
                + "<td>TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]</td>"
                + "<td>IsAuthenticated, IsAdminOrOwner [getPermissions]</td><td>refused</td>"), html);
        assertTrue(html.contains("<form action=\"/api/_meta/explain/\" method=\"post\" data-api>"), html);
    }
}
