package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The OpenAPI document is one a client generator accepts: valid OpenAPI 3.1, every reference resolving. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentIsValidAndEveryReferenceResolves() {
        String document = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);
        assertEquals(List.of(), parsed.getMessages());
        assertNotNull(parsed.getOpenAPI().getComponents().getSchemas().get("Post"));
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
    }
}
