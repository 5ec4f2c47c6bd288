package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
