package dev.portcullis.database;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.SQLException;

/**
 * Ready while the database circuit is closed and a pooled connection answers; not ready, at once, while it is
 * open. A failed check is reported to the circuit (whose probe then decides), so an outage is noticed even when
 * no request needs the database.
 * Liveness never looks at the database: restarting a replica would not bring PostgreSQL back.
 */
@Readiness
@Singleton
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "PostgreSQL";

    private final DatabaseCircuit circuit;
    private final AgroalDataSource dataSource;

    DatabaseReadiness(DatabaseCircuit circuit, AgroalDataSource dataSource) {
        this.circuit = circuit;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        if (!circuit.isOpen()) {
            try {
                if (dataSource.isHealthy(false)) {
                    return HealthCheckResponse.up(NAME);
                }
            } catch (SQLException | RuntimeException e) {
                circuit.observe(e);
            }
        }
        return HealthCheckResponse.named(NAME).down()
                .withData("unreachable_since", circuit.openSince().map(Object::toString).orElse("now")).build();
    }
}
