package dev.portcullis.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * A free port for the embedded PostgreSQL of dev mode and tests. Left to itself, the extension picks one of
 * 5432–5442 at random without checking it, and on a machine that runs its own PostgreSQL on 5432 the service
 * would then quietly use that database instead; this one is checked free, and outside the range outgoing
 * connections take their ports from ({@link LoopbackPorts}). Only present when the extension is (never in a
 * production build); a configured {@code quarkus.embedded.postgresql.port} wins (this source's ordinal is low).
 */
public class EmbeddedDatabasePort implements ConfigSource {

    static final String PROPERTY = "quarkus.embedded.postgresql.port";
    private static final boolean EMBEDDED = EmbeddedDatabasePort.class.getClassLoader()
            .getResource("io/quarkiverse/embedded/postgresql/EmbeddedPostgreSQLConfig.class") != null;
    private static volatile String port;

    @Override
    public Set<String> getPropertyNames() {
        return EMBEDDED ? Set.of(PROPERTY) : Set.of();
    }

    @Override
    public String getValue(String name) {
        return EMBEDDED && PROPERTY.equals(name) ? port() : null;
    }

    private static String port() {
        if (port == null) {
            synchronized (EmbeddedDatabasePort.class) {
                if (port == null) {
                    port = String.valueOf(LoopbackPorts.unused());
                }
            }
        }
        return port;
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "portcullis-embedded-database-port";
    }
}
