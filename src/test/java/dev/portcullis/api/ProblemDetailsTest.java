package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code Accept: application/problem+json} turns every error into an RFC 9457 document; others get DRF's bodies. */
@QuarkusTest
class ProblemDetailsTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {4}")
    @CsvSource(delimiter = '|', value = {
            "GET   |/api/data/      |401|Unauthorized      |not_authenticated|Authentication credentials were not provided.",
            "GET   |/api/posts/abc/ |404|Not Found         |not_found|Not found.",
            "GET   |/api/nothing/   |404|Not Found         |not_found|Not found.",
            "DELETE|/api/public/    |405|Method Not Allowed|method_not_allowed|Method \"DELETE\" not allowed.",
    })
    void errorsAsProblemDocuments(String method, String path, int status, String title, String code, String detail) {
        Response response = RestAssured.given().accept("application/problem+json").request(method.strip(), path.strip());
        assertEquals(status, response.statusCode());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(Map.of("type", "urn:portcullis:problem:" + code, "title", title.strip(), "status", status,
                "detail", detail, "code", code.strip()), response.jsonPath().getMap("$"));
    }

    @org.junit.jupiter.api.Test
    void validationErrorsKeepTheirFields() {
        Response response = RestAssured.given().accept("application/problem+json").contentType(ContentType.JSON)
                .body("{}").post("/api/register/");
        assertEquals(400, response.statusCode());
        assertEquals("urn:portcullis:problem:invalid", response.jsonPath().getString("type"));
        assertEquals(List.of("This field is required."), response.jsonPath().getList("errors.username"));
        assertEquals(List.of("This field is required."), response.jsonPath().getList("errors.password"));
    }

    @org.junit.jupiter.api.Test
    void simpleJwtFieldsStayInTheDocument() {
        Response response = RestAssured.given().accept("application/problem+json")
                .header("Authorization", "Bearer garbage").get("/api/private/");
        assertEquals(401, response.statusCode());
        assertEquals("token_not_valid", response.jsonPath().getString("code"));
        assertEquals("Token is invalid or expired", response.jsonPath().getString("messages[0].message"));
        assertEquals("Token", response.header("WWW-Authenticate"));
    }
}
