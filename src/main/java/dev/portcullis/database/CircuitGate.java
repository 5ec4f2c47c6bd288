package dev.portcullis.database;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * Lends no connection while the {@link DatabaseCircuit} is open, not even one the pool still holds: it belonged
 * to the server that went away, and a query on it would hang until the socket timeout or fail anyway.
 */
@ApplicationScoped
class CircuitGate implements AgroalPoolInterceptor {

    private final DatabaseCircuit circuit;

    CircuitGate(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        circuit.openSince().ifPresent(since -> {
            throw new DatabaseUnreachable(since);
        });
    }
}
