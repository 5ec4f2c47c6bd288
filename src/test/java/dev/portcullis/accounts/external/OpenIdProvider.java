package dev.portcullis.accounts.external;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * An OpenID provider on the loopback, speaking the protocol as Keycloak and Auth0 do: a discovery document, a JWKS
 * whose keys can be rotated, and an RFC 7662 introspection endpoint — each of which can be taken down. It signs
 * tokens with its current key, or with any key it made.
 */
public final class OpenIdProvider implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "/realms/portcullis";
    static final String CERTS = REALM + "/protocol/openid-connect/certs";
    static final String INTROSPECT = REALM + "/protocol/openid-connect/token/introspect";
    static final String CLIENT = "portcullis-api";
    static final String SECRET = "s3cret";

    /** Init argument: {@code auth0} names the issuer with a trailing slash, as Auth0 names its tenants. */
    static final String SHAPE = "shape";

    private static WireMockServer server;
    private static boolean trailingSlash;
    private static final List<RsaJsonWebKey> published = new ArrayList<>();

    /** The issuer: the realm's URL, as Keycloak names it (or with a trailing slash, as Auth0 names its tenants). */
    static String issuer() {
        return server.baseUrl() + REALM + (trailingSlash ? "/" : "");
    }

    @Override
    public void init(Map<String, String> initArgs) {
        trailingSlash = "auth0".equals(initArgs.get(SHAPE));
    }

    /** Starts the provider; the service is configured to trust it, and to introspect with a client login. */
    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        published.clear();
        published.add(newKey("key-1"));
        up();
        return Map.of(
                "portcullis.oidc.issuer", issuer(),
                "portcullis.introspection.endpoint", server.baseUrl() + INTROSPECT,
                "portcullis.introspection.client-id", CLIENT,
                "portcullis.introspection.client-secret", SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static String baseUrl() {
        return server.baseUrl();
    }

    /** Serves discovery and the JWKS of the published keys (again, after {@link #down}). */
    static void up() {
        server.resetAll();
        server.stubFor(get(urlEqualTo(REALM + "/.well-known/openid-configuration")).willReturn(okJson("{\"issuer\":\""
                + issuer() + "\",\"jwks_uri\":\"" + server.baseUrl() + CERTS + "\",\"introspection_endpoint\":\""
                + server.baseUrl() + INTROSPECT + "\"}")));
        publishKeys();
        server.stubFor(post(urlEqualTo(INTROSPECT)).atPriority(10).willReturn(okJson("{\"active\":false}")));
    }

    /** Every endpoint answers 503, as a provider does mid-outage. */
    static void down() {
        server.resetAll();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(aResponse().withStatus(503)));
    }

    /** A new key joins the set (it signs from now on); the earlier ones stay published, as during a rotation. */
    static void publish(RsaJsonWebKey key) {
        published.add(key);
        publishKeys();
    }

    static RsaJsonWebKey currentKey() {
        return published.get(published.size() - 1);
    }

    /** A key the provider made but has not published (yet). */
    static RsaJsonWebKey newKey(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm("RS256");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publishKeys() {
        server.stubFor(get(urlEqualTo(CERTS)).willReturn(okJson(new JsonWebKeySet(published).toJson(
                org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    /** The introspection endpoint says this opaque token is active, with these claims (after a Basic client login). */
    static void active(String token, String claimsJson) {
        server.stubFor(post(urlEqualTo(INTROSPECT)).atPriority(1)
                .withBasicAuth(CLIENT, SECRET)
                .withRequestBody(containing("token=" + token))
                .willReturn(okJson("{\"active\":true," + claimsJson.substring(1))));
    }

    static int keyFetches() {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(CERTS)).build()).getCount();
    }

    static int introspections() {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(INTROSPECT)).build()).getCount();
    }

    /** A JWS of these claims, signed with the key under the algorithm given ({@code none}: unsigned). */
    static String sign(JwtClaims claims, RsaJsonWebKey key, String algorithm) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            if (key != null) {
                jws.setKeyIdHeaderValue(key.getKeyId());
            }
            if (algorithm.equals("none")) {
                jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
            } else if (algorithm.startsWith("HS")) {
                // The public key's modulus as an HMAC secret: the classic algorithm-confusion forgery.
                jws.setKey(new org.jose4j.keys.HmacKey(key.getRsaPublicKey().getModulus().toByteArray()));
            } else {
                jws.setKey(key.getPrivateKey());
            }
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
