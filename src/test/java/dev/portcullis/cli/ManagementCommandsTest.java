package dev.portcullis.cli;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executable's management commands: output a script can read, and exit codes it can rely on. */
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

    private static long sessionsOf(String username, boolean open) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(OneDatabase.sharedDatabaseUrl(), "postgres", "postgres");
             var statement = connection.createStatement()) {
            if (open) {
                statement.execute("INSERT INTO sessions (key_hash, user_id, csrf_secret, expires_at) SELECT md5(random()::text) "
                        + "|| md5(random()::text), id, 'csrf', now() + interval '1 day' FROM users WHERE username = '" + username + "'");
            }
            var rows = statement.executeQuery("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                    + "WHERE u.username = '" + username + "'");
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Django's changepassword: the password validators, a look-alike name finds the user, and sessions end. */
    @Test
    void changepasswordValidatesAndEndsTheUsersSessions(QuarkusMainLauncher launcher) throws Exception {
        assertEquals(0, launcher.launch("createsuperuser", "--username", "cli-pw", "--password", "first-pass-word").exitCode());
        sessionsOf("cli-pw", true);
        assertEquals(2, sessionsOf("cli-pw", true), "two open sessions");

        LaunchResult weak = launcher.launch("changepassword", "--username", "cli-pw", "--password", "123");
        assertEquals(1, weak.exitCode());
        assertTrue(weak.getErrorOutput().contains("password: This password is too short. It must contain at least 8 "
                + "characters. This password is too common. This password is entirely numeric."), weak.getErrorOutput());
        assertEquals(2, sessionsOf("cli-pw", false), "a refused change ends nothing");

        LaunchResult changed = launcher.launch("changepassword", "--username", "ｃｌｉ-pw", "--password", "Second-pass-42");
        assertEquals(0, changed.exitCode(), changed.getErrorOutput());
        assertEquals("changed the password of cli-pw", output(changed));
        assertEquals(0, sessionsOf("cli-pw", false));

        LaunchResult usage = launcher.launch("changepassword", "--username", "cli-pw");
        assertEquals(2, usage.exitCode());
    }

    @Test
    void superuserTokenLifecycle(QuarkusMainLauncher launcher) {
        LaunchResult created = launcher.launch("createsuperuser", "--username", "cli-admin", "--password", "cli-secret");
        assertEquals(0, created.exitCode(), created.getErrorOutput());
        assertEquals("created superuser cli-admin", output(created));

        LaunchResult token = launcher.launch("create-token", "cli-admin");
        assertEquals(0, token.exitCode(), token.getErrorOutput());
        String key = output(token).strip();
        assertTrue(key.matches("[0-9a-f]{40}"), key);

        LaunchResult valid = launcher.launch("check-token", key);
        assertEquals(0, valid.exitCode());
        assertEquals("valid: cli-admin", output(valid));

        LaunchResult revoked = launcher.launch("revoke-token", "cli-admin");
        assertEquals(0, revoked.exitCode());
        assertEquals("revoked 1 token(s) of cli-admin", output(revoked));

        LaunchResult invalid = launcher.launch("check-token", key);
        assertEquals(1, invalid.exitCode());
        assertEquals("invalid: no valid token has this key (unknown, revoked or expired)", output(invalid));

        LaunchResult again = launcher.launch("createsuperuser", "--username", "cli-admin", "--password", "x");
        assertEquals(1, again.exitCode());
        assertTrue(again.getErrorOutput().contains("username: A user with that username already exists."));

        LaunchResult granted = launcher.launch("grant", "--username", "cli-admin", "--permission", "add_note");
        assertEquals(0, granted.exitCode(), granted.getErrorOutput());
        assertEquals("granted add_note to user cli-admin", output(granted));
        LaunchResult ungranted = launcher.launch("revoke", "--username", "cli-admin", "--permission", "add_note");
        assertEquals(0, ungranted.exitCode(), ungranted.getErrorOutput());
        assertEquals("revoked add_note from user cli-admin", output(ungranted));

        LaunchResult allowed = launcher.launch("explain", "cli-admin", "GET", "/api/admin-only/");
        assertEquals(0, allowed.exitCode(), allowed.getErrorOutput());
        assertTrue(output(allowed).endsWith("verdict: allowed (200)"), output(allowed));
    }

    @Test
    void explainAndListEndpoints(QuarkusMainLauncher launcher) {
        LaunchResult denied = launcher.launch("explain", "anonymous", "DELETE", "/api/posts/1/");
        assertEquals(1, denied.exitCode(), denied.getErrorOutput());
        assertTrue(output(denied).contains("endpoint: DELETE /api/posts/{id}/ (action 'destroy')"), output(denied));
        assertTrue(output(denied).contains("permission: IsAuthenticated (request): denies - the request is anonymous"),
                output(denied));
        assertTrue(output(denied).endsWith("verdict: denied (401 Authentication credentials were not provided.)"),
                output(denied));

        LaunchResult list = launcher.launch("list-endpoints");
        assertEquals(0, list.exitCode());
        assertTrue(output(list).lines().anyMatch(l -> l.matches(
                "POST\\s+/api/posts/\\{id}/publish/\\s+publish\\s+TokenAuthentication,JWTAuthentication,SessionAuthentication \\(global default\\)"
                        + "\\s+IsAuthenticated,IsOwnerOrReadOnly \\(programmatic\\)")), output(list));
    }

    /**
     * The lockfile round trip on the running policies: written, checked equal, then one policy tightened by hand
     * in the file — the running one is now looser than the file, and the diff says so and where.
     */
    @Test
    void policyLockWritesChecksAndNamesALooserPolicy(QuarkusMainLauncher launcher) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target/policy-lock-command-test.lock");
        LaunchResult written = launcher.launch("policy-lock", "--write", "--file", file.toString());
        assertEquals(0, written.exitCode(), written.getErrorOutput());
        assertTrue(output(written).matches("wrote \\d+ policies to target/policy-lock-command-test.lock"), output(written));

        LaunchResult same = launcher.launch("policy-lock", "--check", "--file", file.toString());
        assertEquals(0, same.exitCode(), output(same));
        assertEquals("The running policies match target/policy-lock-command-test.lock.", output(same));

        String text = java.nio.file.Files.readString(file);
        String entry = "\nGET /api/data/\n    view: DataView, action get\n"
                + "    authentication: TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]\n"
                + "    permissions: IsAuthenticated [global default]\n";
        assertTrue(text.contains(entry), text);
        java.nio.file.Files.writeString(file, text.replace(entry, entry.replace("IsAuthenticated [global default]",
                "IsAdminUser [global default]")));

        LaunchResult looser = launcher.launch("policy-lock", "--check", "--file", file.toString());
        assertEquals(1, looser.exitCode(), output(looser));
        assertEquals("""
                The running policies differ from target/policy-lock-command-test.lock at 1 endpoint(s): 1 looser, 0 changed, 0 tighter.

                LOOSER  GET /api/data/ (DataView, action get)
                    permissions (looser)
                        - IsAdminUser [global default]
                        + IsAuthenticated [global default]

                If these changes are meant, accept them with policy-lock --write and commit the lockfile with them.""",
                output(looser));
    }

    /**
     * The executable hands its arguments to the commands: help and a bad argument, launched. What every command
     * parses is {@link CommandLineTest}'s, without a launch each; here are the refusals a command makes once run.
     */
    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource(delimiter = '|', value = {
            "--help|0|Usage: java -jar quarkus-run.jar [-h] [COMMAND]",
            "frobnicate|2|Unmatched argument at index 0: 'frobnicate'",
            "create-token nobody-here|1|No user named 'nobody-here'.",
            "createsuperuser --username someone|2|createsuperuser needs a password: --password or PORTCULLIS_SUPERUSER_PASSWORD.",
            "explain ghost-user GET /api/data/|1|username: No active user of that name.",
            "explain anonymous GET /api/nowhere/|1|Not found.",
            "grant --username nobody-here --permission add_nothing|1|permission: Object with codename=add_nothing does not exist.",
            "grant --group no-group --permission view_document --object-type document|1|object_id: This field is required.",
            "policy-lock --check --file target/no-such.lock|2|Cannot read the lockfile target/no-such.lock",
            "policy-lock --check --file pom.xml|2|Cannot read the lockfile pom.xml: line 1: expected an endpoint such as 'GET /api/posts/'",
            "policy-lock --write --file no-such-dir/policies.lock|2|No directory for no-such-dir/policies.lock",
    })
    void theExecutableRunsTheCommands(String command, int exitCode, String message, QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(command.split(" "));
        assertEquals(exitCode, result.exitCode(), output(result) + result.getErrorOutput());
        String said = exitCode == 0 ? output(result) : result.getErrorOutput();
        assertTrue(said.contains(message), said);
    }
}
