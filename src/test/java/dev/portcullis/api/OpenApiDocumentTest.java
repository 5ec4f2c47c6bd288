package dev.portcullis.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI document is one a client generator accepts — valid OpenAPI 3.1, every reference resolving — and the
 * one the test client is generated from: {@code src/test/resources/openapi/portcullis.json} is the document as the
 * tests' service writes it, so that the build generates {@code ApiClientWalkthroughTest}'s client from what the
 * service says of itself, and a change to the document is a reviewed diff.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path SNAPSHOT = Path.of("src/test/resources/openapi/portcullis.json");
    static final Path PROPOSED = Path.of("target/openapi.proposed.json");

    @Test
    void theClientIsGeneratedFromTheDocumentTheServiceWrites() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        String written = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(RestAssured.given()
                .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString())) + "\n";
        String snapshot = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "";
        if (!written.equals(snapshot)) {
            Files.writeString(PROPOSED, written);
            fail("The OpenAPI document differs from " + SNAPSHOT + ", which the test client is generated from. If the "
                    + "change is meant, review it (diff " + SNAPSHOT + " " + PROPOSED + ") and accept it:\n    cp "
                    + PROPOSED + " " + SNAPSHOT);
        }
    }

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
