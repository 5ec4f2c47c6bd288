package dev.portcullis.replicas;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production build serves its OpenAPI document and Swagger UI only where they are switched on, and then only on
 * the management port, never on the API port (production pass only: the production artifact).
 */
class OpenApiInProductionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedPostgres database;
    private static Replica plain;
    private static Replica documented;

    @BeforeAll
    static void twoReplicas() throws Exception {
        database = EmbeddedPostgres.start();
        plain = Replica.start("openapi-off", Replica.on(database));
        Map<String, String> switchedOn = new HashMap<>(Replica.on(database));
        switchedOn.put("QUARKUS_SMALLRYE_OPENAPI_ENABLED", "true");
        switchedOn.put("QUARKUS_SWAGGER_UI_ENABLED", "true");
        documented = Replica.start("openapi-on", switchedOn);
    }

    @AfterAll
    static void stop() throws Exception {
        Replica.closeAll(plain, documented, database);
    }

    @ParameterizedTest(name = "switched on: {0}, {1} port, {2}")
    @CsvSource(delimiter = '|', value = {
            // switched on | port | path | status | what the answer holds
            "true  |management|/q/openapi?format=json|200|\"x-permissions\"",
            "true  |management|/q/swagger-ui/        |200|<title>OpenAPI UI",
            "true  |api       |/q/openapi            |404|-",
            "true  |api       |/q/swagger-ui/        |404|-",
            "false |management|/q/openapi            |404|-",
            "false |management|/q/swagger-ui/        |404|-",
    })
    void documentAndUiWhereSwitchedOn(boolean switchedOn, String port, String path, int status, String holds)
            throws Exception {
        Replica replica = switchedOn ? documented : plain;
        int number = port.equals("api") ? replica.port() : replica.managementPort();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + number
                + path.strip())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, answer.statusCode(), answer.body());
        if (!holds.equals("-")) {
            assertTrue(answer.body().contains(holds), answer.body().substring(0, Math.min(300, answer.body().length())));
        }
    }
}
