package dev.portcullis.examples;

import dev.portcullis.api.Api;
import dev.portcullis.security.core.Denial;
import dev.portcullis.security.guard.RunAs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @Permissions} on a service bean: inside a request the request's user is checked (and refused with the
 * usual 401/403 body), outside one the caller is anonymous unless the code runs as someone; denials are counted.
 */
@QuarkusTest
class ServicePermissionsTest {

    @Inject
    StaffReports reports;

    @Inject
    RunAs runAs;

    @ParameterizedTest(name = "an AllowAny endpoint calling a staff-only service, as {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "anonymous|401|{\"detail\":\"Authentication credentials were not provided.\"}|Token",
            "regular  |403|{\"detail\":\"You do not have permission to perform this action.\"}|-",
            "staff    |200|{\"report\":\"for staff only\"}|-",
    })
    void theServiceChecksTheRequestsUser(String actor, int status, String body, String wwwAuthenticate) {
        var request = switch (actor.strip()) {
            case "anonymous" -> RestAssured.given();
            case "regular" -> Api.withToken(Api.token("service-regular"));
            default -> Api.withToken(Api.token("service-staff", true, false, true));
        };
        Response response = request.get("/api/examples/staff-report/");
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(io.restassured.path.json.JsonPath.from(body).getMap("$"), response.jsonPath().getMap("$"));
        assertEquals(wwwAuthenticate, response.header("WWW-Authenticate"));
    }

    @Test
    void outsideARequestTheCallerIsAnonymousUnlessTheCodeRunsAsSomeone() {
        Denial anonymous = assertThrows(Denial.class, () -> reports.summary());
        assertEquals(403, anonymous.status());
        assertEquals("You do not have permission to perform this action.", anonymous.detail());
        assertEquals("IsAdminUser", anonymous.deniedBy());

        Api.token("service-staff", true, false, true);
        Api.token("service-regular");
        assertEquals(Map.of("report", "for staff only"), runAs.user("service-staff", () -> reports.summary()));
        Denial regular = assertThrows(Denial.class, () -> runAs.user("service-regular", () -> reports.summary()));
        assertEquals("You do not have permission to perform this action.", regular.detail());
        assertThrows(IllegalArgumentException.class, () -> runAs.user("nobody-at-all", () -> reports.summary()));
    }

    @Test
    void objectLevelChecksRunOnTheNamedParameter() {
        long owner = Api.withToken(Api.token("service-owner")).get("/api/me/").then().extract().jsonPath().getLong("id");
        StaffReports.Draft draft = new StaffReports.Draft(owner, "owned draft");
        assertEquals("owned draft", runAs.user("service-owner", () -> reports.describe(draft)));
        Api.token("service-regular");
        Denial other = assertThrows(Denial.class, () -> runAs.user("service-regular", () -> reports.describe(draft)));
        assertEquals("IsAdminOrOwner", other.deniedBy());
        Api.token("service-staff", true, false, true);
        assertEquals("owned draft", runAs.user("service-staff", () -> reports.describe(draft)));
    }

    @Test
    void serviceDenialsAreCountedLikeAnyOther() {
        assertThrows(Denial.class, () -> reports.summary());
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("portcullis_denials_total{")
                && line.contains("denied_by=\"IsAdminUser\"") && line.contains("endpoint=\"StaffReports.summary()\"")),
                "a series for the service's denials");
    }
}
