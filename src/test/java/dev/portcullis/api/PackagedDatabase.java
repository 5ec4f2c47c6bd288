package dev.portcullis.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A PostgreSQL for the packaged artifact, given to it as a deployment gives one — by the datasource settings —
 * because a production build carries no embedded database (and in the default build, a configured URL switches
 * the embedded one off). One for the whole run, kept across the suites' profiles as the tests' own database is,
 * so that the users and tokens a suite finds made are still there; it stops with the JVM.
 */
public class PackagedDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres database;

    @Override
    public Map<String, String> start() {
        synchronized (PackagedDatabase.class) {
            if (database == null) {
                try {
                    database = PostgresOnUnusedPort.start(builder -> builder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                EmbeddedPostgres started = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
            }
        }
        return Map.of("quarkus.datasource.jdbc.url", database.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // The next suite's artifact uses it too.
    }

    private static void close(EmbeddedPostgres database) {
        try {
            database.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
