package dev.portcullis.api;

import dev.portcullis.deploy.ManagementInterfaceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code portcullis.probes.enabled=false} (a production build's default), every policy example answers exactly
 * as a path that does not exist — for anyone, with any method — and the reference API is unchanged.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Production.class)
class ProbesOffTest {

    @ParameterizedTest(name = "{1} {0} as {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "/api/probe/ping/             |GET  |anonymous|404",
            "/api/probe/notes-anon/       |GET  |anonymous|404",
            "/api/probe/notes-anon/       |POST |anonymous|404",
            "/api/probe/or-posts/1/       |PATCH|staff    |404",
            "/api/probe/readonly/         |POST |user     |404",
            "/api/probe/no-such-probe/    |GET  |user     |404",
            "/api/no-such-path/           |GET  |anonymous|404",
            "/api/public/                 |GET  |anonymous|200",
    })
    void probesAreUnknownPaths(String path, String method, String actor, int status) {
        Response unknown = RestAssured.given().get("/api/no-such-path/");
        Response response = (switch (actor) {
            case "staff" -> Api.withToken(Api.token("probes-off-staff", true, false, true));
            case "user" -> Api.withToken(Api.token("probes-off-user"));
            default -> RestAssured.given();
        }).contentType("application/json").body("{}").request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 404) {
            assertEquals(unknown.asString(), response.asString());
            assertEquals(unknown.contentType(), response.contentType());
            assertEquals(null, response.header("WWW-Authenticate"));
        }
    }
}
