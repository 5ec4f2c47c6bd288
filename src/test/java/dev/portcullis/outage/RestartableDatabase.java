package dev.portcullis.outage;

import io.quarkus.test.junit.QuarkusTestProfile;
import dev.portcullis.api.PostgresOnUnusedPort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL of this test's own, on a port no client socket can take while it is down, and a data directory
 * of its own, so that it can be stopped and started again with its data. Its address is kept in JVM-wide properties, because the profile and the
 * test may be loaded by different class loaders; it is stopped as an operator would, by a fast shutdown
 * of the postmaster named in its pid file.
 */
public class RestartableDatabase implements QuarkusTestProfile {

    private static final String PORT = "portcullis.test.outage-db-port";
    private static final String DIRECTORY = "portcullis.test.outage-db-dir";

    @Override
    public Map<String, String> getConfigOverrides() {
        if (System.getProperty(PORT) == null) {
            start();
        }
        return Map.of("quarkus.datasource.jdbc.url", url(),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    /**
     * The first time, a new PostgreSQL; afterwards, the same server again, as its own pid file describes it.
     *
     * @return how long the server listened before it accepted a login, in milliseconds (0: at once)
     */
    static synchronized long start() {
        try {
            if (System.getProperty(PORT) == null) {
                Path directory = Files.createTempDirectory("portcullis-outage");
                EmbeddedPostgres started = PostgresOnUnusedPort.start(builder -> builder.setDataDirectory(directory)
                        .setCleanDataDirectory(false));
                System.setProperty(DIRECTORY, directory.toString());
                System.setProperty(PORT, String.valueOf(started.getPort()));
                return 0;
            }
            // postmaster.opts holds the command line the server was started with.
            String options = Files.readString(Path.of(System.getProperty(DIRECTORY), "postmaster.opts")).strip();
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));  // PostgreSQL refuses root; this is how it was started
            }
            Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(options);
            while (token.find()) {
                command.add(token.group(1) != null ? token.group(1) : token.group(2));
            }
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // Listening is not accepting: a server that has just bound its port still refuses logins ("the
            // database system is starting up") until its start-up is done, which on a loaded machine took a
            // second and more. The service's recovery is timed from the first login the server accepts.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long listening = 0;
            while (!acceptsLogins()) {
                assertTrue(System.nanoTime() < deadline, "PostgreSQL did not start again");
                if (listening == 0 && listens()) {
                    listening = System.nanoTime();
                }
                Thread.sleep(50);
            }
            return listening == 0 ? 0 : (System.nanoTime() - listening) / 1_000_000;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean listens() {
        try (java.net.Socket socket = new java.net.Socket("localhost", Integer.parseInt(System.getProperty(PORT)))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean acceptsLogins() {
        try (Connection connection = DriverManager.getConnection(url() + "?connectTimeout=2&loginTimeout=2",
                "postgres", "postgres")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + System.getProperty(PORT) + "/postgres";
    }

    static synchronized void stop() throws IOException, InterruptedException {
        Path pidFile = Path.of(System.getProperty(DIRECTORY), "postmaster.pid");
        String pid = Files.readAllLines(pidFile).get(0).strip();
        assertEquals(0, new ProcessBuilder("kill", "-INT", pid).start().waitFor());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(pidFile)) {
            assertTrue(System.nanoTime() < deadline, "PostgreSQL did not stop");
            Thread.sleep(50);
        }
    }

    /** Runs a statement on this database as another replica would, outside the service under test. */
    static void execute(String statement, Object... parameters) throws SQLException {
        prepared(statement, parameters, PreparedStatement::execute);
    }

    /** The first column of each row the query answers. */
    static List<Long> query(String statement, Object... parameters) throws SQLException {
        return prepared(statement, parameters, prepared -> {
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        });
    }

    private interface Work<T> {
        T on(PreparedStatement prepared) throws SQLException;
    }

    private static <T> T prepared(String statement, Object[] parameters, Work<T> work) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), "postgres", "postgres");
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return work.on(prepared);
        }
    }
}
