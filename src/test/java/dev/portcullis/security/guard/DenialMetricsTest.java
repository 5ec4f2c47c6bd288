package dev.portcullis.security.guard;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Denials are counted by class and endpoint on the Prometheus endpoint. */
@QuarkusTest
class DenialMetricsTest {

    private static final Pattern ADMIN_ONLY = Pattern.compile(
            "portcullis_denials_total\\{denied_by=\"IsAdminUser\",endpoint=\"/api/admin-only/\",method=\"GET\",status=\"403\"} ([\\d.]+)");

    private static double adminOnlyDenials() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = ADMIN_ONLY.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void everyDenialIsCounted() {
        double before = adminOnlyDenials();
        String token = Api.token("metrics-user");
        for (int i = 0; i < 3; i++) {
            Api.withToken(token).get("/api/admin-only/").then().statusCode(403);
        }
        assertEquals(before + 3, adminOnlyDenials());
        RestAssured.given().header("Authorization", "Token wrong").get("/api/data/").then().statusCode(401);
        String metrics = RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.contains("portcullis_denials_total{denied_by=\"TokenAuthentication\""), "authentication failures too");
    }
}
