package dev.portcullis.api;

import dev.portcullis.config.LoopbackPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Starts a PostgreSQL of a test's own on a port chosen as the service chooses its embedded one
 * ({@link LoopbackPorts}): outside the range client sockets take theirs from, so nothing else takes it while the
 * server is down, and asked for again should another server bind it first.
 */
public final class PostgresOnUnusedPort {

    private static final int ATTEMPTS = 3;

    private PostgresOnUnusedPort() {
    }

    public static EmbeddedPostgres start(UnaryOperator<EmbeddedPostgres.Builder> settings) throws IOException {
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return settings.apply(EmbeddedPostgres.builder()).setPort(LoopbackPorts.unused()).start();
            } catch (IOException portTakenMeanwhile) {
                failure = portTakenMeanwhile;
            }
        }
        throw failure;
    }
}
