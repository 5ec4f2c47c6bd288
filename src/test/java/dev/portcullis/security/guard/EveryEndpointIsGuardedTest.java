package dev.portcullis.security.guard;

import dev.portcullis.api.DocumentResource;
import dev.portcullis.api.PostResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
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

    /** Every endpoint's authentication classes as its resource declares them where that is not the global default. */
    private static final Map<String, List<String>> DECLARED_AUTHENTICATION = Map.ofEntries(
            Map.entry("/api/auth/csrf/", List.of()),
            Map.entry("/api/auth/login/", List.of()),
            Map.entry("/api/jwt/blacklist/", List.of()),
            Map.entry("/api/jwt/create/", List.of()),
            Map.entry("/api/jwt/refresh/", List.of()),
            Map.entry("/api/jwt/verify/", List.of()),
            Map.entry("/api/register/", List.of()),
            Map.entry("/api/probe/no-auth/", List.of()),
            Map.entry("/api/probe/ping/", List.of()),
            Map.entry("/api/probe/basic/", List.of("BasicAuthentication")),
            Map.entry("/api/probe/jwt-first/", List.of("JWTAuthentication", "TokenAuthentication")),
            Map.entry("/api/probe/session-first/", List.of("SessionAuthentication", "TokenAuthentication")),
            Map.entry("/api/probe/token-only/", List.of("TokenAuthentication")));
    private static final List<String> GLOBAL_DEFAULT = List.of("TokenAuthentication", "JWTAuthentication",
            "SessionAuthentication");
    /** DRF's {@code authenticate_header} of each class: what a 401 names; none makes the refusal a 403. */
    private static final Map<String, String> CHALLENGE = Map.of("TokenAuthentication", "Token",
            "JWTAuthentication", "Bearer realm=\"api\"", "BasicAuthentication", "Basic realm=\"api\"");

    /**
     * Where no declared class reads a Token header, the header is ignored: what each of these endpoints answers
     * to {@code {}} without it. {@code method path | status | the body's first field}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GET /api/auth/csrf/        |200|csrfToken",
            "OPTIONS /api/auth/csrf/    |200|name",
            "POST /api/auth/login/      |400|username",
            "OPTIONS /api/auth/login/   |200|name",
            "POST /api/jwt/blacklist/   |400|refresh",
            "OPTIONS /api/jwt/blacklist/|200|name",
            "POST /api/jwt/create/      |400|username",
            "OPTIONS /api/jwt/create/   |200|name",
            "POST /api/jwt/refresh/     |400|refresh",
            "OPTIONS /api/jwt/refresh/  |200|name",
            "POST /api/jwt/verify/      |400|token",
            "OPTIONS /api/jwt/verify/   |200|name",
            "POST /api/register/        |400|username",
            "OPTIONS /api/register/     |200|name",
            "GET /api/probe/no-auth/    |403|detail",
            "OPTIONS /api/probe/no-auth/|403|detail",
            "GET /api/probe/ping/       |200|probe",
            "OPTIONS /api/probe/ping/   |200|name",
            "GET /api/probe/basic/      |401|detail",
            "OPTIONS /api/probe/basic/  |401|detail",
    })
    void aTokenHeaderNoDeclaredClassReadsIsIgnored(String endpoint, int status, String field) {
        String[] methodAndPath = endpoint.split(" ");
        Response withBadToken = badToken(methodAndPath[0], methodAndPath[1]);
        Response without = RestAssured.given().contentType("application/json").body("{}")
                .request(methodAndPath[0], methodAndPath[1]);
        assertEquals(status, withBadToken.statusCode(), withBadToken.asString());
        assertEquals(field, withBadToken.jsonPath().getMap("$").keySet().iterator().next(), withBadToken.asString());
        assertEquals(without.statusCode(), withBadToken.statusCode());
        assertEquals(without.jsonPath().getMap("$").keySet(), withBadToken.jsonPath().getMap("$").keySet());
        if (status >= 400) {
            assertEquals(without.asString(), withBadToken.asString());
        }
        assertEquals(without.header("WWW-Authenticate"), withBadToken.header("WWW-Authenticate"));
    }

    @Test
    void aBadTokenIsJudgedByEveryEndpointsDeclaredAuthentication() {
        int judged = 0;
        for (EndpointPolicy policy : registry.policies()) {
            List<String> declared = DECLARED_AUTHENTICATION.getOrDefault(policy.path(), GLOBAL_DEFAULT);
            if (!declared.contains("TokenAuthentication")) {
                continue;  // the table above
            }
            Response response = badToken(policy.httpMethod(), policy.path());
            String where = policy.httpMethod() + " " + policy.path() + ": " + response.asString();
            String challenge = CHALLENGE.get(declared.get(0));
            assertEquals(challenge == null ? 403 : 401, response.statusCode(), where);
            assertEquals("{\"detail\":\"Invalid token.\"}", response.asString(), where);
            assertEquals(challenge, response.header("WWW-Authenticate"), where);
            judged++;
        }
        assertTrue(judged > 70, "judged " + judged);
    }

    /** The endpoints the table names are the ones the service has, so that the table cannot go stale. */
    @Test
    void theDeclaredAuthenticationIsTheRegistrys() {
        Map<String, List<String>> declared = registry.policies().stream()
                .filter(policy -> DECLARED_AUTHENTICATION.containsKey(policy.path()))
                .collect(Collectors.toMap(EndpointPolicy::path, EndpointPolicy::authenticatorNames, (a, b) -> a));
        assertEquals(DECLARED_AUTHENTICATION, declared);
    }

    private static Response badToken(String method, String template) {
        return RestAssured.given().header("Authorization", "Token not-a-real-key").contentType("application/json")
                .body("{}").request(method, template.replaceAll("\\{[^}]+}", "1"));
    }

    /**
     * A matched method's policy is remembered by the object Quarkus REST describes the method with. Should one such
     * object stand for two resources, or a new one come with every request, each resource still gets its own
     * policy, and no more is remembered than there are methods.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"one object for both resources, true", "a new object per request, false"})
    void aMatchedMethodGetsItsOwnResourcesPolicy(String description, boolean shared) {
        ResourceInfo sharedMethod = described(PostResource.class);
        for (int request = 0; request < 2 * registry.policies().size(); request++) {
            for (Class<?> resource : List.of(PostResource.class, DocumentResource.class)) {
                ResourceInfo method = shared ? sharedMethod : described(resource);
                EndpointPolicy policy = registry.policyOf(method, matched(resource, "retrieve", String.class)).orElseThrow();
                assertEquals(registry.policyOf(resource, "retrieve", new Class<?>[]{String.class}), policy);
            }
        }
        assertTrue(registry.rememberedMethods() <= registry.policies().size(),
                registry.rememberedMethods() + " remembered for " + registry.policies().size() + " methods");
    }

    private static ResourceInfo described(Class<?> resource) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return null;
            }

            @Override
            public Class<?> getResourceClass() {
                return resource;
            }
        };
    }

    private static SimpleResourceInfo matched(Class<?> resource, String methodName, Class<?>... parameterTypes) {
        return new SimpleResourceInfo() {
            @Override
            public Class<?> getResourceClass() {
                return resource;
            }

            @Override
            public String getMethodName() {
                return methodName;
            }

            @Override
            public Class<?>[] parameterTypes() {
                return parameterTypes;
            }
        };
    }
}
