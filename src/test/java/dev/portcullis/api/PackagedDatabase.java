package dev.portcullis.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A PostgreSQL of its own for the packaged artifact, given to it as a deployment gives one — by the datasource
 * settings — because a production build carries no embedded database (and in the default build, a configured
 * URL switches the embedded one off).
 */
public class PackagedDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres database;

    @Override
    public Map<String, String> start() {
        try {
            database = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
