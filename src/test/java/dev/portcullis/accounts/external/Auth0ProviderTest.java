package dev.portcullis.accounts.external;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Auth0 tenant's access tokens: the issuer ends in a slash, the user is named by a namespaced custom claim, and
 * groups come from another; users are not made on first sight, so a token of someone with no local account is refused.
 */
@QuarkusTest
@TestProfile(Auth0ProviderTest.Auth0.class)
class Auth0ProviderTest {

    private static final String USERNAME_CLAIM = "https://portcullis.dev/username";
    private static final String GROUPS_CLAIM = "https://portcullis.dev/groups";

    public static class Auth0 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "portcullis.default-authentication", "OidcAuthentication,TokenAuthentication",
                    "portcullis.oidc.audience", "https://api.portcullis.dev",
                    "portcullis.oidc.username-claim", USERNAME_CLAIM,
                    "portcullis.oidc.groups-claim", GROUPS_CLAIM,
                    "portcullis.explain-denials", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenIdProvider.class, Map.of(OpenIdProvider.SHAPE, "auth0")));
        }
    }

    /** An access token as Auth0 issues one for an API, with an Action's namespaced claims. */
    private static String accessToken(String username, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(OpenIdProvider.issuer());
        claims.setSubject("auth0|" + Long.toHexString(System.nanoTime()));
        claims.setAudience("https://api.portcullis.dev", OpenIdProvider.issuer() + "userinfo");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setClaim("azp", "Xq1Ln7pRwXyZ");
        claims.setClaim("scope", "openid profile read:notes");
        claims.setClaim("permissions", List.of("read:notes"));
        claims.setClaim(USERNAME_CLAIM, username);
        claims.setClaim(GROUPS_CLAIM, groups);
        return OpenIdProvider.sign(claims, OpenIdProvider.currentKey(), "RS256");
    }

    /** Each row: whether the user has a local account, the groups the token names, and what a new note gets. */
    @ParameterizedTest(name = "local account {0}, groups {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "true |writers|201",
            "true |-      |403",
            "false|writers|401",
    })
    void theTokensUserMustHaveALocalAccount(boolean local, String groups, int status) {
        String username = Api.unique("auth0");
        if (local) {
            Api.token(username);
        }
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("name", "writers")).post("/api/admin/groups/");
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Api.modelGrant("group", "writers", "add_note")).post("/api/admin/grants/");
        String token = accessToken(username, groups.equals("-") ? List.of() : List.of(groups));
        Response answer = RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "from Auth0")).post("/api/notes/");
        assertEquals(status, answer.statusCode(), answer.asString());
        if (status == 401) {
            assertEquals("Invalid token.", answer.path("detail"));
            assertTrue(((String) answer.path("hint")).contains("No user here is named '" + username + "'"), answer.asString());
            assertEquals("Bearer realm=\"api\"", answer.header("WWW-Authenticate"));
        } else if (status == 403) {
            assertEquals("You do not have permission to perform this action.", answer.path("detail"));
        } else {
            assertEquals("from Auth0", answer.path("text"));
        }
    }
}
