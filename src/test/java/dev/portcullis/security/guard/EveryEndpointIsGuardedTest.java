package dev.portcullis.security.guard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No resource method escapes the guard: every one has a resolved policy, and a request to every one of them
 * with a bad token is judged by that policy before any of the endpoint's own code runs.
 */
@QuarkusTest
class EveryEndpointIsGuardedTest {

    @Inject
    PolicyRegistry registry;

    @Test
    void everyEndpointAndActionHasAPolicy() {
        Map<String, String> actions = registry.policies().stream().collect(Collectors.toMap(
                p -> p.httpMethod() + " " + p.path(), EndpointPolicy::action));
        assertEquals("list", actions.get("GET /api/posts/"));
        assertEquals("create", actions.get("POST /api/posts/"));
        assertEquals("retrieve", actions.get("GET /api/posts/{id}/"));
        assertEquals("update", actions.get("PUT /api/posts/{id}/"));
        assertEquals("partial_update", actions.get("PATCH /api/posts/{id}/"));
        assertEquals("destroy", actions.get("DELETE /api/posts/{id}/"));
        assertEquals("publish", actions.get("POST /api/posts/{id}/publish/"));
        assertEquals("get", actions.get("GET /api/data/"));
        for (EndpointPolicy policy : registry.policies()) {
            assertTrue(policy.path().startsWith("/api/") && policy.path().endsWith("/"), policy.path());
            assertFalse(policy.action().isBlank());
        }
    }

    @Test
    void postsDeclarePermissionsPerActionAsTheGuideDoes() {
        Map<String, List<String>> permissions = registry.policies().stream()
                .filter(p -> p.resource().equals("PostResource"))
                .collect(Collectors.toMap(EndpointPolicy::action, EndpointPolicy::permissionNames));
        assertEquals(Map.of(
                "list", List.of("AllowAny"),
                "retrieve", List.of("AllowAny"),
                "create", List.of("IsAuthenticated"),
                "update", List.of("IsAuthenticated", "IsOwnerOrReadOnly"),
                "partial_update", List.of("IsAuthenticated", "IsOwnerOrReadOnly"),
                "publish", List.of("IsAuthenticated", "IsOwnerOrReadOnly"),
                "destroy", List.of("IsAuthenticated", "IsAdminOrOwner")), permissions);
    }

    @Test
    void theGlobalDefaultAppliesWhereNothingIsDeclared() {
        EndpointPolicy data = registry.policies().stream().filter(p -> p.path().equals("/api/data/")).findFirst().orElseThrow();
        assertEquals(EndpointPolicy.Source.GLOBAL_DEFAULT, data.permissionSource());
        assertEquals(EndpointPolicy.Source.GLOBAL_DEFAULT, data.authenticationSource());
        assertEquals(List.of("IsAuthenticated"), data.permissionNames());
        assertEquals(List.of("TokenAuthentication", "JWTAuthentication", "SessionAuthentication"),
                data.authenticatorNames());
    }

    @Test
    void aBadTokenIsJudgedByEveryEndpointsOwnPolicy() {
        for (EndpointPolicy policy : registry.policies()) {
            String path = policy.path().replaceAll("\\{[^}]+}", "1");
            Response response = RestAssured.given().header("Authorization", "Token not-a-real-key")
                    .contentType("application/json").body("{}").request(policy.httpMethod(), path);
            String where = policy.httpMethod() + " " + path + ": " + response.asString();
            if (policy.authenticatorNames().contains("TokenAuthentication")) {
                assertEquals(policy.wwwAuthenticate() == null ? 403 : 401, response.statusCode(), where);
                assertEquals("Invalid token.", response.jsonPath().getString("detail"), where);
                assertEquals(policy.wwwAuthenticate(), response.header("WWW-Authenticate"), where);
            } else {
                assertFalse(response.asString().contains("Invalid token."), where);
            }
        }
    }
}
