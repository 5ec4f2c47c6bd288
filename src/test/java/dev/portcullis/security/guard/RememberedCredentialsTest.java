package dev.portcullis.security.guard;

import dev.portcullis.api.Api;
import dev.portcullis.security.authentication.JwtRequest;
import dev.portcullis.security.authentication.OpaqueTokenRequest;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A credential verified before is decided on the request's own thread, from what its identity provider remembers
 * ({@link RememberedIdentities}); the answer is the one the first, verified request got — status, body and the
 * headers DRF sets — for every way a request can end.
 */
@QuarkusTest
class RememberedCredentialsTest {

    @Inject
    RememberedIdentities remembered;

    @ParameterizedTest(name = "{0} {1} with {2} -> {3}, twice alike")
    @CsvSource(delimiter = '|', value = {
            "GET   |/api/private/           |token          |200|{\"data\":\"sensitive\"}",
            "GET   |/api/private/           |jwt            |200|{\"data\":\"sensitive\"}",
            "GET   |/api/private/           |unknown token  |401|{\"detail\":\"Invalid token.\"}",
            "GET   |/api/private/           |forged jwt     |401|{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is invalid or expired\"}]}",
            "GET   |/api/private/           |inactive token |401|{\"detail\":\"User inactive or deleted.\"}",
            "GET   |/api/admin/users/       |token          |403|{\"detail\":\"You do not have permission to perform this action.\"}",
            "DELETE|/api/posts/987654321/   |jwt            |404|{\"detail\":\"Not found.\"}",
            "GET   |/api/public/            |none           |200|{\"data\":\"public\"}",
    })
    void aRememberedCredentialIsAnsweredAsWhenItWasVerified(String method, String path, String credential, int status,
                                                            String body) {
        RequestSpecification request = as(credential.strip());
        Response verified = request.request(method.strip(), path.strip());
        Response rememberedAnswer = request.request(method.strip(), path.strip());

        for (Response answer : new Response[] {verified, rememberedAnswer}) {
            assertEquals(status, answer.statusCode(), answer.asString());
            assertEquals(body.strip(), answer.asString());
        }
        assertEquals(verified.header("WWW-Authenticate"), rememberedAnswer.header("WWW-Authenticate"));
        assertEquals(verified.header("Content-Type"), rememberedAnswer.header("Content-Type"));
        assertEquals(verified.header("Cache-Control"), rememberedAnswer.header("Cache-Control"));
    }

    /** The fast path is taken: after one request, the providers answer the token and the JWT from memory. */
    @Test
    void theProvidersRememberWhatTheyVerified() {
        String token = Api.token(Api.unique("remembered"));
        String jwt = jwtOf(Api.unique("remembered-jwt"));
        Api.withToken(token).get("/api/private/").then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + jwt).get("/api/private/").then().statusCode(200);

        assertTrue(remembered.of(new OpaqueTokenRequest(token)).isPresent());
        assertTrue(remembered.of(new JwtRequest(jwt)).isPresent());
        assertTrue(remembered.of(new OpaqueTokenRequest("f".repeat(40))).isEmpty(), "never seen: verified first");
        Api.withToken("e".repeat(40)).get("/api/private/").then().statusCode(401);
        assertThrows(AuthenticationFailure.class, () -> remembered.of(new OpaqueTokenRequest("e".repeat(40))));
    }

    private static RequestSpecification as(String credential) {
        return switch (credential) {
            case "token" -> Api.withToken(Api.token("remembered-user"));
            case "jwt" -> RestAssured.given().header("Authorization", "Bearer " + jwtOf("remembered-mobile"));
            case "unknown token" -> Api.withToken("0123456789abcdef0123456789abcdef01234567");
            case "forged jwt" -> RestAssured.given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9."
                    + "eyJ1c2VyX2lkIjoxLCJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJl");
            case "inactive token" -> Api.withToken(Api.token(Api.unique("remembered-inactive"), false, false, false));
            case "none" -> RestAssured.given();
            default -> throw new IllegalArgumentException(credential);
        };
    }

    private static String jwtOf(String username) {
        Api.token(username);
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/jwt/create/")
                .then().statusCode(200).extract().path("access");
    }
}
