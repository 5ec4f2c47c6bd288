package dev.portcullis.database;

import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The circuit, with a probe the test decides for: a failure that says the server may be gone opens it when the
 * probe cannot connect either; while it is open, a request that needs the database is answered 503 at once, one
 * that does not is answered as ever, and readiness is down; once the probe gets an answer, it closes and
 * everything is answered again. Failures of a server that still accepts connections never open it.
 */
@QuarkusTest
class DatabaseCircuitTest {

    private static final String UNAVAILABLE = "{\"detail\":\"Service temporarily unavailable, try again later.\"}";

    @Inject
    DatabaseCircuit circuit;

    @Inject
    DatabaseProbe realProbe;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "duplicate key value violates unique constraint       | 23505",
            "canceling statement due to statement timeout         | 57014",
            "sorry, too many clients already                      | 53300",
            "terminating connection due to administrator command  | 57P01",
            "An I/O error occurred while sending to the backend   | 08006",
    })
    void aFailureOfAServerThatStillAcceptsConnectionsLeavesItClosed(String message, String state)
            throws InterruptedException {
        // One connection ended (a backend terminated, a proxy dropping it) is not an outage: the probe connects.
        circuit.observe(new SQLException(message, state));
        Thread.sleep(200);
        assertFalse(circuit.isOpen());
    }

    @Test
    void whileOpenTheDatabaseIsNotAskedAndTheProbeClosesIt() throws InterruptedException {
        String token = Api.token("circuit-user");
        long post = Api.post(token, "circuit", true);
        AtomicBoolean answers = new AtomicBoolean(false);
        QuarkusMock.installMockForType(new DatabaseProbe(null) {
            @Override
            boolean answers() {
                return answers.get();
            }
        }, DatabaseProbe.class);
        try {
            circuit.observe(new SQLException("Connection to localhost:5432 refused", "08001"));
            long opening = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (!circuit.isOpen()) {
                assertTrue(System.nanoTime() < opening, "the probe could not connect, yet the circuit stayed closed");
                Thread.sleep(5);
            }

            RestAssured.given().get("/api/posts/" + post + "/").then().statusCode(503).header("Retry-After", "5")
                    .body(equalTo(UNAVAILABLE)).time(lessThan(250L));
            RestAssured.given().get("/api/public/").then().statusCode(200).body(equalTo("{\"data\":\"public\"}"));
            Api.withToken(token).get("/api/private/").then().statusCode(200);
            RestAssured.given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'PostgreSQL' }.status", equalTo("DOWN"));
            RestAssured.given().get("/q/health/live").then().statusCode(200);

            answers.set(true);
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (circuit.isOpen()) {
                assertTrue(System.nanoTime() < deadline, "the probe did not close it within a second");
                Thread.sleep(10);
            }
            RestAssured.given().get("/api/posts/" + post + "/").then().statusCode(200).body("id", equalTo((int) post));
            RestAssured.given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'PostgreSQL' }.status", equalTo("UP"));
        } finally {
            QuarkusMock.installMockForType(realProbe, DatabaseProbe.class);
        }
    }
}
