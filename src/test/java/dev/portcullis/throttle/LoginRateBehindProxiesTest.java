package dev.portcullis.throttle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portcullis.throttle.ThrottlingTest.NAMES;
import static dev.portcullis.throttle.ThrottlingTest.assertThrottled;
import static dev.portcullis.throttle.ThrottlingTest.at;
import static dev.portcullis.throttle.ThrottlingTest.login;
import static dev.portcullis.throttle.ThrottlingTest.registered;
import static dev.portcullis.throttle.ThrottlingTest.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The login rate behind a load balancer that appends to {@code X-Forwarded-For} (AWS ALB, Google's load
 * balancers, Envoy) and in front of many users who share one address (a carrier's NAT): the address counted is
 * the one the nearest trusted proxy saw, and only failed logins count. No request rate here, so that every
 * answer below is the login rate's.
 */
@QuarkusTest
@TestProfile(LoginRateBehindProxiesTest.LoadBalancerInFront.class)
class LoginRateBehindProxiesTest {

    public static class LoadBalancerInFront implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.throttle.login.rate", "3/m",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1,192.0.2.0/24");
        }
    }

    /**
     * What reaches the service from a client at {@code seen} that wrote {@code written} itself: the load balancer
     * (192.0.2.10) appends the address it saw, and the local ingress the load balancer's.
     */
    private static String viaLoadBalancer(String written, String seen) {
        return written + ", " + seen + ", 192.0.2.10";
    }

    /**
     * A guesser who writes the user's own address on the left spends its own rate, not the user's: the user still
     * signs in from home.
     */
    @Test
    void aClientCannotChooseTheAddressItIsCountedUnder() {
        String target = "appended-target" + NAMES;
        String home = at("13.0.1");
        String guesser = at("13.0.2");
        registered(target, home);
        for (int i = 0; i < 3; i++) {
            assertEquals(400, login("/api/token/", viaLoadBalancer(at("13.1." + i), guesser), target).statusCode());
        }
        for (int i = 0; i < 12; i++) {
            assertThrottled(login("/api/token/", viaLoadBalancer(home, guesser), target));
        }
        Response user = signIn("/api/token/", viaLoadBalancer(at("13.1.9"), home), target);
        assertEquals(200, user.statusCode(), user.asString());
        assertEquals(List.of("token"), List.copyOf(user.jsonPath().getMap("$").keySet()));
    }

    /**
     * Signing in does not use a shared address up, only wrong passwords do — and once they have, a right one waits
     * too, as every attempt from there does.
     */
    @Test
    void onlyFailedLoginsUseAnAddressUp() {
        String carrier = at("14.0.1");
        for (int i = 0; i < 4; i++) {
            registered("carrier-user-" + i + NAMES, carrier);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(400, login("/api/token/", carrier, "carrier-user-" + i + NAMES).statusCode());
        }
        for (int i = 0; i < 4; i++) {
            Response signedIn = signIn("/api/jwt/create/", carrier, "carrier-user-" + i + NAMES);
            assertEquals(200, signedIn.statusCode(), signedIn.asString());
        }
        assertEquals(400, login("/api/auth/login/", carrier, "carrier-user-2" + NAMES).statusCode());
        assertThrottled(signIn("/api/token/", carrier, "carrier-user-3" + NAMES));
        assertEquals(200, signIn("/api/token/", at("14.0.2"), "carrier-user-3" + NAMES).statusCode());
    }
}
