package dev.portcullis.cli;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executable's management commands, launched: the executable's own wiring of arguments, output and exit codes. */
@QuarkusMainTest
@TestProfile(ManagementCommandsTest.OneDatabase.class)
class ManagementCommandsTest {

    /**
     * Each command is a run of its own, and they must share one database as they would in production. One
     * PostgreSQL is started for the whole test run and outlives every launch (each launch may load this class
     * anew, so its address is kept in a JVM-wide property).
     */
    public static class OneDatabase implements QuarkusTestProfile {

        private static final String URL_PROPERTY = "portcullis.test.commands-db-url";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", sharedDatabaseUrl(),
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
        }

        private static synchronized String sharedDatabaseUrl() {
            String url = System.getProperty(URL_PROPERTY);
            if (url == null) {
                try {
                    url = EmbeddedPostgres.start().getJdbcUrl("postgres", "postgres");
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot start PostgreSQL for the command tests", e);
                }
                System.setProperty(URL_PROPERTY, url);
            }
            return url;
        }
    }

    /**
     * What the command printed on stdout. The first launch of a test run also prints the build's own log lines
     * there (before the application's configuration applies); those are left out.
     */
    private static String output(LaunchResult result) {
        return result.getOutputStream().stream()
                .filter(line -> !line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} .*") && !line.startsWith("\t"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * Each command is a process of its own, and what one leaves the next finds: a superuser made by one launch gets
     * a token from the next. Each launch starts the whole service, so there are no more: what every command parses
     * and its usage error's exit code are {@link CommandLineTest}'s, what it refuses once run {@link CommandsTest}'s,
     * without a launch each; the packaged jar's own exit code for a failed check is {@code PolicyLockIT}'s.
     */
    @Test
    void eachLaunchFindsWhatTheLastOneLeft(QuarkusMainLauncher launcher) {
        LaunchResult created = launcher.launch("createsuperuser", "--username", "cli-launched", "--password", "cli-secret");
        assertEquals(0, created.exitCode(), created.getErrorOutput());
        assertEquals("created superuser cli-launched", output(created));

        LaunchResult token = launcher.launch("create-token", "cli-launched");
        assertEquals(0, token.exitCode(), token.getErrorOutput());
        assertTrue(output(token).strip().matches("[0-9a-f]{40}"), output(token));
    }
}
