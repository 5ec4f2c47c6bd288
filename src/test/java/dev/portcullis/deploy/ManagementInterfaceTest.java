package dev.portcullis.deploy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production settings: health and metrics on Quarkus's management interface, never on the API port, and the
 * OpenAPI document nowhere unless switched on. (A production build sets {@code quarkus.management.enabled};
 * here a test profile does, with the production profile's OpenAPI setting.)
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Production.class)
public class ManagementInterfaceTest {

    /** The management interface's port in tests (Quarkus's default test port for it). */
    private static final int MANAGEMENT_PORT = 9001;

    /**
     * Also a production build's default of no policy examples ({@code ProbesOffTest}), and a deployment behind a
     * proxy at 192.0.2.10 whose login rate is 3 a minute ({@code UntrustedProxyTest}): they run in the same start.
     */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.smallrye-openapi.enabled", "false",
                    "portcullis.probes.enabled", "false",
                    "portcullis.throttle.login.rate", "3/m",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.10");
        }
    }

    @ParameterizedTest(name = "{0}: API port {1}, management port {2}")
    @CsvSource({
            "/q/health/ready,   404, 200",
            "/q/health/live,    404, 200",
            "/q/health/started, 404, 200",
            "/q/metrics,        404, 200",
            "/q/openapi,        404, 404",
    })
    void managementEndpointsAreOffTheApiPort(String path, int onApiPort, int onManagementPort) {
        assertEquals(onApiPort, RestAssured.get(path).statusCode(), "API port " + path);
        assertEquals(onManagementPort, RestAssured.given().port(MANAGEMENT_PORT).get(path).statusCode(),
                "management port " + path);
        RestAssured.get("/api/public/").then().statusCode(200);
    }

    /** The kubelet probes by the pod's address: the allowed hosts guard the API port only. */
    @ParameterizedTest(name = "Host: {0}")
    @CsvSource({"10.1.2.3:9000", "portcullis.portcullis.svc"})
    void theManagementPortAnswersAnyHost(String host) {
        assertEquals(200, RestAssured.given().port(MANAGEMENT_PORT).header("Host", host).get("/q/health/ready")
                .statusCode());
        assertEquals(400, RestAssured.given().header("Host", host).get("/api/public/").statusCode());
    }
}
