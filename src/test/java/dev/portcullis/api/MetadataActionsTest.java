package dev.portcullis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DRF's OPTIONS describes, under {@code actions}, the fields a {@code POST} or {@code PUT} takes — to a caller who
 * could send it: the OPTIONS permissions asked again with that method and, for {@code PUT}, the object looked up and
 * checked. A method the caller could not send is left out, and with neither there is no {@code actions}.
 */
@QuarkusTest
class MetadataActionsTest {

    /** DRF 3.14's {@code SimpleMetadata} of the posts' serializer (its twin's answer, asked in tools/drf). */
    private static final String POST_FIELDS = """
            {"id": {"type": "integer", "required": false, "read_only": true, "label": "ID"},
             "title": {"type": "string", "required": true, "read_only": false, "label": "Title", "max_length": 200},
             "body": {"type": "string", "required": false, "read_only": false, "label": "Body"},
             "published": {"type": "boolean", "required": false, "read_only": false, "label": "Published"},
             "owner": {"type": "field", "required": false, "read_only": true, "label": "Owner"},
             "created_at": {"type": "datetime", "required": false, "read_only": true, "label": "Created at"}}""";

    /** The objects the rows name, made on first use (the service is up only once a test runs). */
    private static final Map<String, String> IDS = new java.util.HashMap<>();

    private static synchronized Map<String, String> ids() {
        if (IDS.isEmpty()) {
            make(IDS);
        }
        return IDS;
    }

    private static void make(Map<String, String> ids) {
        String owner = Api.token("options-owner");
        String other = Api.token("options-other");
        ids.put("own-draft", String.valueOf(Api.post(owner, "own draft", false)));
        ids.put("others-draft", String.valueOf(Api.post(other, "another's draft", false)));
        ids.put("others-post", String.valueOf(Api.post(other, "another's post", true)));
        List<Long> documents = Api.documentsOf("options-writer", List.of("viewed", "changed"));
        for (String permission : List.of("view_document", "change_document")) {
            Api.grant(Api.objectGrant("username", "options-owner", permission, "document", documents.get(1)), false);
        }
        Api.grant(Api.objectGrant("username", "options-owner", "view_document", "document", documents.get(0)), false);
        Api.grant(Api.modelGrant("username", "options-owner", "change_document"), false);
        ids.put("viewed", String.valueOf(documents.get(0)));
        ids.put("changed", String.valueOf(documents.get(1)));
    }

    private static RequestSpecification as(String actor) {
        return actor.equals("anonymous") ? RestAssured.given() : Api.withToken(Api.token(actor));
    }

    @ParameterizedTest(name = "OPTIONS {0} as {1} -> actions {2}")
    @CsvSource(delimiter = '|', value = {
            // The posts' OPTIONS policy is the default, IsAuthenticated: a user may POST, and PUT what they can see.
            "/api/posts/                   |options-owner|POST",
            "/api/posts/{own-draft}/       |options-owner|PUT",
            "/api/posts/{others-post}/     |options-owner|PUT",
            "/api/posts/{others-draft}/    |options-owner|-",
            "/api/posts/999999999/         |options-owner|-",
            "/api/posts/abc/               |options-owner|-",
            "/api/posts/{own-draft}/publish/|options-owner|POST",
            // Object permissions: adding needs add_document, changing the model's and the object's change_document.
            "/api/documents/               |options-owner|-",
            "/api/documents/               |options-writer|POST",
            "/api/documents/{changed}/     |options-owner|PUT",
            "/api/documents/{viewed}/      |options-owner|-",
            "/api/documents/{changed}/     |options-writer|-",
            // Not a viewset: no serializer to describe.
            "/api/public/                  |options-owner|-",
    })
    void actionsAreTheWritesTheCallerCouldSend(String path, String actor, String methods) throws Exception {
        Response response = as(actor.strip()).options(resolve(path.strip()));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/json", response.contentType());
        JsonNode body = new ObjectMapper().readTree(response.asString());
        List<String> described = new ArrayList<>();
        body.path("actions").fieldNames().forEachRemaining(described::add);
        assertEquals(methods.strip().equals("-") ? List.of() : List.of(methods.strip()), described, body.toString());
        assertEquals(methods.strip().equals("-"), !body.has("actions"), body.toString());
    }

    @Test
    void theFieldsAreDescribedAsDrfDescribesThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String path : List.of("/api/posts/", resolve("/api/posts/{own-draft}/"))) {
            Response response = as("options-owner").options(path);
            assertEquals(200, response.statusCode(), response.asString());
            JsonNode actions = json.readTree(response.asString()).get("actions");
            String method = path.equals("/api/posts/") ? "POST" : "PUT";
            assertEquals(json.readTree(POST_FIELDS), actions.get(method), path);
            List<String> order = new ArrayList<>();
            actions.get(method).fieldNames().forEachRemaining(order::add);
            assertEquals(List.of("id", "title", "body", "published", "owner", "created_at"), order);
        }
    }

    /**
     * The hand-written endpoints DRF's own views serve: SimpleJWT's and DRF's {@code obtain_auth_token}, each with its
     * view's name, docstring and serializer, to anyone (their permissions allow any caller). tools/drf/options.py
     * asks DRF and SimpleJWT for every row; what the endpoints render and parse is HttpEdgesTest's.
     */
    @ParameterizedTest(name = "OPTIONS {0}")
    @CsvSource(delimiter = '|', value = {
            "/api/jwt/create/   |{'name': 'Token Obtain Pair', 'description': 'Takes a set of user credentials and returns an access and refresh JSON web\\ntoken pair to prove the authentication of those credentials.', 'actions': {'POST': {'username': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Username'}, 'password': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Password'}}}}",
            "/api/jwt/refresh/  |{'name': 'Token Refresh', 'description': 'Takes a refresh type JSON web token and returns an access type JSON web\\ntoken if the refresh token is valid.', 'actions': {'POST': {'refresh': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Refresh'}, 'access': {'type': 'string', 'required': false, 'read_only': true, 'label': 'Access'}}}}",
            "/api/jwt/verify/   |{'name': 'Token Verify', 'description': 'Takes a token and indicates if it is valid.  This view provides no\\ninformation about a token`s fitness for a particular use.', 'actions': {'POST': {'token': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Token'}}}}",
            "/api/jwt/blacklist/|{'name': 'Token Blacklist', 'description': 'Takes a token and blacklists it. Must be used with the\\n`rest_framework_simplejwt.token_blacklist` app installed.', 'actions': {'POST': {'refresh': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Refresh'}}}}",
            "/api/token/        |{'name': 'Obtain Auth Token', 'description': '', 'actions': {'POST': {'username': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Username'}, 'password': {'type': 'string', 'required': true, 'read_only': false, 'label': 'Password'}, 'token': {'type': 'string', 'required': false, 'read_only': true, 'label': 'Token'}}}}",
    })
    void drfsOwnViewsAreDescribedAsDrfDescribesThem(String path, String expected) throws Exception {
        Response response = RestAssured.given().options(path.strip());
        assertEquals(200, response.statusCode(), response.asString());
        ObjectMapper json = new ObjectMapper();
        JsonNode body = json.readTree(response.asString());
        // A table cell cannot hold both quotes: the row writes an apostrophe as a backquote where it is not one.
        JsonNode wanted = json.readTree(expected.replace('\'', '"').replace("token`s", "token's"));
        wanted.fieldNames().forEachRemaining(key -> assertEquals(wanted.get(key), body.get(key), key));
    }

    @Test
    void anAnonymousOptionsIsRefusedBeforeAnyActionIsDetermined() {
        Response response = RestAssured.given().options(resolve("/api/posts/{own-draft}/"));
        assertEquals(401, response.statusCode());
        assertEquals("Authentication credentials were not provided.", response.jsonPath().getString("detail"));
        assertEquals("Token", response.header("WWW-Authenticate"));
        assertEquals("GET, PUT, PATCH, DELETE, HEAD, OPTIONS", response.header("Allow"));
    }

    private static String resolve(String path) {
        for (Map.Entry<String, String> id : ids().entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }
}
