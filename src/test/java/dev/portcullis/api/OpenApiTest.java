package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document tells each operation's security schemes and permission classes. */
@QuarkusTest
class OpenApiTest {

    @Test
    void operationsCarryTheirSchemesAndPermissions() {
        JsonPath doc = RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> destroy = doc.getMap("paths.'/api/posts/{id}/'.delete");
        assertEquals(List.of(Map.of("TokenAuthentication", List.of()), Map.of("JWTAuthentication", List.of()),
                Map.of("SessionAuthentication", List.of())), destroy.get("security"));
        assertEquals(List.of("IsAuthenticated", "IsAdminOrOwner"), destroy.get("x-permissions"));
        assertEquals("destroy", destroy.get("x-action"));

        assertEquals(List.of(), doc.getList("paths.'/api/register/'.post.security"));
        assertEquals(List.of(Map.of("BasicAuthentication", List.of())), doc.getList("paths.'/api/probe/basic/'.get.security"));

        assertEquals("apiKey", doc.getString("components.securitySchemes.TokenAuthentication.type"));
        assertEquals("Authorization", doc.getString("components.securitySchemes.TokenAuthentication.name"));
        assertEquals("bearer", doc.getString("components.securitySchemes.JWTAuthentication.scheme"));
        assertNull(doc.get("paths.'/api/posts/{id}'"), "paths keep their trailing slash");
        assertEquals("JWT", doc.getString("components.securitySchemes.JWTAuthentication.bearerFormat"));
    }

    private static JsonPath document() {
        return RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A viewset's objects as answered and as written, from its serializer (drf-spectacular's split schemas). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // JSON path under components.schemas | the value there, as JSON
            "Post.required                          |['id','title','body','published','owner','created_at']",
            "Post.properties.id                     |{'type':'integer','format':'int64','readOnly':true}",
            "Post.properties.title                  |{'type':'string','maxLength':200}",
            "Post.properties.created_at             |{'type':'string','format':'date-time','readOnly':true}",
            "PostRequest.required                   |['title']",
            "PostRequest.properties.keySet()        |['title','body','published']",
            "PatchedPostRequest.required            |null",
            "Invoice.properties.amount              |{'type':'string','format':'decimal','pattern':'^-?\\\\d{0,8}(?:\\\\.\\\\d{0,2})?$'}",
            "Book.properties.isbn                   |{'type':'string','maxLength':13,'description':'ISBN-10 or ISBN-13, digits only.'}",
            "Loans.properties.copy                  |{'type':'integer','format':'int64'}",
            "Loans.properties.due                   |{'type':'string','format':'date'}",
            "Loans.properties.book                  |{'anyOf':[{'$ref':'#/components/schemas/Book'},{'type':'null'}],'readOnly':true}",
            "Member.properties.user                 |{'type':'string'}",
            "Club.properties.members                |{'type':'array','items':{'type':'integer','format':'int64'}}",
    })
    void viewsetObjectsHaveTheirSerializersSchemas(String path, String expected) {
        JsonNode value = schemas();
        for (String name : path.strip().split("\\.")) {
            if (name.equals("keySet()")) {
                List<String> names = new java.util.ArrayList<>();
                value.fieldNames().forEachRemaining(names::add);
                value = json(names);
            } else {
                value = value.path(name);
            }
        }
        assertEquals(json(expected), value.isMissingNode() ? json(null) : value);
    }

    /** The document's schemas: every request gets the same document (below), so the table reads it once. */
    private static JsonNode schemas;

    private static JsonNode schemas() {
        if (schemas == null) {
            schemas = Api.json(RestAssured.given().queryParam("format", "json").get("/q/openapi"), 200)
                    .path("components").path("schemas");
        }
        return schemas;
    }

    /** Each operation's body and answers: the object, and every refusal its policy can give, in DRF's shape. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // path | method | request body schema | statuses declared
            "/api/posts/           |post  |PostRequest       |201 400 401 403 503",
            "/api/posts/           |get   |-                 |200 400 401 503",
            "/api/posts/{id}/      |get   |-                 |200 400 401 404 503",
            "/api/posts/{id}/      |patch |PatchedPostRequest|200 400 401 403 404 503",
            "/api/posts/{id}/      |put   |PostRequest       |200 400 401 403 404 503",
            "/api/posts/{id}/      |delete|-                 |204 400 401 403 404 503",
            "/api/documents/       |get   |-                 |200 401 403 503",
            "/api/public/          |get   |-                 |200 401 503",
    })
    void operationsDeclareEveryAnswerTheyCanGive(String path, String method, String body, String statuses) {
        JsonPath doc = document();
        String operation = "paths.'" + path.strip() + "'." + method.strip();
        assertEquals(List.of(statuses.strip().split(" ")), List.copyOf(doc.getMap(operation + ".responses").keySet()));
        assertEquals(body.strip().equals("-") ? null : "#/components/schemas/" + body.strip(),
                doc.getString(operation + ".requestBody.content.'application/json'.schema.'$ref'"));
    }

    @Test
    void refusalsSayWhoRefusesAndHow() {
        JsonPath doc = document();
        String destroy = "paths.'/api/posts/{id}/'.delete.responses";
        assertEquals("IsAuthenticated: \"You do not have permission to perform this action.\" IsAdminOrOwner (also "
                        + "after the object is found): \"You do not have permission to perform this action.\" "
                        + "SessionAuthentication: \"CSRF Failed: …\" without the X-CSRFToken header or from an "
                        + "untrusted origin.", doc.getString(destroy + ".'403'.description"));
        assertEquals("#/components/schemas/Error", doc.getString(destroy + ".'403'.content.'application/json'.schema.'$ref'"));
        assertEquals("e.g. Token", doc.getString(destroy + ".'401'.headers.'WWW-Authenticate'.description"));
        assertEquals(List.of("detail"), doc.getList("components.schemas.Error.required"));
        assertEquals("array", doc.getString("components.schemas.ValidationError.additionalProperties.type"));
        List<String> listed = doc.getList("paths.'/api/posts/'.get.parameters.name");
        assertEquals(List.of("limit", "offset", "published", "owner", "created_after", "created_before", "search",
                "ordering"), listed);
        assertEquals("#/components/schemas/Post",
                doc.getString("paths.'/api/posts/'.get.responses.'200'.content.'application/json'.schema.items.'$ref'"));
    }

    /** The document is written on request (not at start-up); each request gets the same one, never amended twice. */
    @ParameterizedTest
    @ValueSource(strings = {"json", "yaml"})
    void everyRequestGetsTheSameDocument(String format) {
        String first = RestAssured.given().queryParam("format", format).get("/q/openapi")
                .then().statusCode(200).extract().asString();
        String second = RestAssured.given().queryParam("format", format).get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1, first.split("Permissions: IsAuthenticated, IsAdminOrOwner", -1).length - 1,
                "the destroy operation of posts describes its permissions once");
    }

    /** JSON written with single quotes (as the tables hold it), or a value read from the document, as a tree. */
    private static JsonNode json(Object value) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            if (value == null) {
                return com.fasterxml.jackson.databind.node.NullNode.instance;
            }
            return value instanceof String text ? mapper.readTree(text.strip().replace('\'', '"')) : mapper.valueToTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(String.valueOf(value), e);
        }
    }
}
