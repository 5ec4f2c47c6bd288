package dev.portcullis.accounts.external;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Keycloak realm's access tokens, JWT and opaque, accepted as the service's own are: mapped onto a local user (made
 * on first sight) whose groups are the realm roles that name one, so that model permissions apply unchanged. Every
 * way a token goes wrong is refused with the words a client developer can act on.
 */
@QuarkusTest
@TestProfile(KeycloakProviderTest.Keycloak.class)
class KeycloakProviderTest {

    public static class Keycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("portcullis.default-authentication",
                            "OidcAuthentication,IntrospectionAuthentication,TokenAuthentication,JwtAuthentication"),
                    Map.entry("portcullis.oidc.audience", "portcullis-api"),
                    Map.entry("portcullis.oidc.username-claim", "preferred_username"),
                    Map.entry("portcullis.oidc.groups-claim", "realm_access.roles"),
                    Map.entry("portcullis.oidc.create-users", "true"),
                    Map.entry("portcullis.oidc.min-refetch-interval", "0S"),
                    Map.entry("portcullis.explain-denials", "true"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenIdProvider.class));
        }
    }

    private static final String WWW_AUTHENTICATE = "Bearer realm=\"api\"";

    /** An access token as Keycloak issues one for the realm's client {@code portcullis-api}. */
    static JwtClaims accessToken(String username, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(OpenIdProvider.issuer());
        claims.setSubject(UUID.randomUUID().toString());
        claims.setAudience("portcullis-api", "account");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setClaim("typ", "Bearer");
        claims.setClaim("azp", "portcullis-mobile");
        claims.setClaim("scope", "openid profile email");
        claims.setClaim("preferred_username", username);
        claims.setClaim("realm_access", Map.of("roles", roles));
        return claims;
    }

    private static Response me(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get("/api/me/");
    }

    private static String signed(JwtClaims claims) {
        return OpenIdProvider.sign(claims, OpenIdProvider.currentKey(), "RS256");
    }

    @Test
    void aValidAccessTokenIsALocalUserMadeOnFirstSight() {
        String username = Api.unique("kc");
        Response me = me(signed(accessToken(username, List.of("offline_access"))));
        assertEquals(200, me.statusCode(), me.asString());
        assertEquals(username, me.path("username"));
        assertEquals("OidcAuthentication", me.path("auth"));
        Response user = Api.withToken(Api.adminToken()).get("/api/admin/users/" + username + "/devices/");
        assertEquals(200, user.statusCode(), "the user exists here now: " + user.asString());
    }

    /** Each row: what is wrong with the token, and the hint the refusal carries. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "expired              |The token expired at",
            "not yet valid        |The token is not valid yet",
            "another issuer       |The token was issued by 'https://login.example.com/realms/other'",
            "another audience     |The token is meant for [account], not for this service ([portcullis-api]",
            "HS256 with the key   |The token is signed with 'HS256'",
            "alg none             |The token is signed with 'none'",
            "an ID token          |This is an ID token",
            "an unpublished kid   |The token is signed with key id 'never-published', which the provider does not publish",
            "a forged signature   |The token's signature does not verify with the provider's key",
            "no exp               |The token has no 'exp' claim",
            "not a JWT at all     |The Bearer credential is not a JWT this service can read",
    })
    void aTokenThatIsWrongIsRefusedWithWhy(String wrong, String hint) {
        JwtClaims claims = accessToken(Api.unique("kc-wrong"), List.of());
        RsaJsonWebKey key = OpenIdProvider.currentKey();
        String algorithm = "RS256";
        switch (wrong) {
            case "expired" -> claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));
            case "not yet valid" -> claims.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 120));
            case "another issuer" -> claims.setIssuer("https://login.example.com/realms/other");
            case "another audience" -> claims.setAudience("account");
            case "HS256 with the key" -> algorithm = "HS256";
            case "alg none" -> {
                algorithm = "none";
                key = null;
            }
            case "an ID token" -> {
                claims.setClaim("typ", "ID");
                claims.setClaim("nonce", "n-0S6_WzA2Mj");
            }
            case "an unpublished kid" -> key = OpenIdProvider.newKey("never-published");
            case "a forged signature" -> {
                RsaJsonWebKey forger = OpenIdProvider.newKey(key.getKeyId());
                key = forger;
            }
            case "no exp" -> claims.unsetClaim("exp");
            default -> { }
        }
        String token = wrong.equals("not a JWT at all") ? "eyJhbGciOi.not-base64!.x" : OpenIdProvider.sign(claims, key, algorithm);
        Response refused = me(token);
        assertEquals(401, refused.statusCode(), refused.asString());
        assertEquals("Invalid token.", refused.path("detail"));
        assertTrue(((String) refused.path("hint")).startsWith("OidcAuthentication rejected the credential: Invalid token. "
                + hint), refused.asString());
        assertEquals(WWW_AUTHENTICATE, refused.header("WWW-Authenticate"));
    }

    /** A key the provider rotates in is fetched when a token first names it; no restart, no wait. */
    @Test
    void aKeyRotatedInIsFetchedWhenATokenFirstNamesIt() {
        RsaJsonWebKey next = OpenIdProvider.newKey("key-" + UUID.randomUUID());
        String token = OpenIdProvider.sign(accessToken(Api.unique("kc-rotated"), List.of()), next, "RS256");
        Response before = me(token);
        assertEquals(401, before.statusCode(), before.asString());
        assertTrue(((String) before.path("hint")).contains("which the provider does not publish"), before.asString());

        OpenIdProvider.publish(next);
        Response after = me(token);
        assertEquals(200, after.statusCode(), after.asString());
    }

    /**
     * While the provider is down, tokens signed with keys it published before are still accepted; a token naming a key
     * the service never saw cannot be checked, and is answered 503 with Retry-After — never let through.
     */
    @Test
    void aProviderThatIsDownDoesNotStopTokensSignedWithKeysAlreadyFetched() {
        assertEquals(200, me(signed(accessToken(Api.unique("kc-before"), List.of()))).statusCode());
        OpenIdProvider.down();
        try {
            Response cached = me(signed(accessToken(Api.unique("kc-during"), List.of())));
            assertEquals(200, cached.statusCode(), cached.asString());

            Response unknown = me(OpenIdProvider.sign(accessToken(Api.unique("kc-during"), List.of()),
                    OpenIdProvider.newKey("unseen"), "RS256"));
            assertEquals(503, unknown.statusCode(), unknown.asString());
            assertEquals("{\"detail\":\"Service temporarily unavailable, try again later.\"}", unknown.asString());
            assertEquals("5", unknown.header("Retry-After"));
        } finally {
            OpenIdProvider.up();
        }
    }

    /** Realm roles that name a group here make the user a member of it: the group's model permissions apply. */
    @ParameterizedTest(name = "roles {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "editors,offline_access|201",
            "offline_access        |403",
    })
    void realmRolesAreTheUsersGroups(String roles, int status) {
        String group = "editors";
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("name", group)).post("/api/admin/groups/");
        Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Api.modelGrant("group", group, "add_note")).post("/api/admin/grants/");
        String token = signed(accessToken(Api.unique("kc-roles"), List.of(roles.strip().split(","))));
        Response created = RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "from the phone")).post("/api/notes/");
        assertEquals(status, created.statusCode(), created.asString());
    }

    /** The service's own JWTs pass OidcAuthentication by (they carry its key id) to JWTAuthentication. */
    @Test
    void theServicesOwnJwtsAreStillJwtAuthenticationsToVerify() {
        String username = Api.unique("kc-own");
        Api.token(username);
        String access = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/jwt/create/")
                .then().statusCode(200).extract().path("access");
        Response me = me(access);
        assertEquals(200, me.statusCode(), me.asString());
        assertEquals("JWTAuthentication", me.path("auth"));
    }

    /**
     * An opaque token is introspected once while it is active (the answer is kept until its {@code exp}); one the
     * provider says is inactive is refused; with the endpoint down, 503 — never let through.
     */
    @Test
    void anOpaqueTokenIsIntrospected() {
        String username = Api.unique("kc-opaque");
        String token = "opaque-" + UUID.randomUUID();
        OpenIdProvider.active(token, "{\"sub\":\"" + UUID.randomUUID() + "\",\"preferred_username\":\"" + username
                + "\",\"scope\":\"openid\",\"exp\":" + (NumericDate.now().getValue() + 300) + ",\"iss\":\""
                + OpenIdProvider.issuer() + "\",\"realm_access\":{\"roles\":[]}}");
        int before = OpenIdProvider.introspections();
        for (int request = 0; request < 3; request++) {
            Response me = me(token);
            assertEquals(200, me.statusCode(), me.asString());
            assertEquals(username, me.path("username"));
            assertEquals("IntrospectionAuthentication", me.path("auth"));
        }
        assertEquals(1, OpenIdProvider.introspections() - before, "asked once, then answered from the cache");

        Response inactive = me("revoked-" + UUID.randomUUID());
        assertEquals(401, inactive.statusCode(), inactive.asString());
        assertEquals("Invalid token.", inactive.path("detail"));
        assertTrue(((String) inactive.path("hint")).startsWith("IntrospectionAuthentication rejected the credential: "
                + "Invalid token. The identity provider says this token is not active"), inactive.asString());

        OpenIdProvider.down();
        try {
            Response down = me("unseen-" + UUID.randomUUID());
            assertEquals(503, down.statusCode(), down.asString());
            assertEquals("5", down.header("Retry-After"));
            assertEquals(200, me(token).statusCode(), "a token verified before is still answered from the cache");
        } finally {
            OpenIdProvider.up();
        }
    }

    @Test
    void anInactiveLocalUserIsRefusedWhateverTheProviderSays() {
        String username = Api.unique("kc-inactive");
        Api.token(username, false, false, false);
        Response refused = me(signed(accessToken(username, List.of())));
        assertEquals(401, refused.statusCode(), refused.asString());
        assertEquals("User inactive or deleted.", refused.path("detail"));
    }
}
