package dev.portcullis.cli;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the management commands do once run, each run as the executable runs it ({@link ManagementCommands#run} with
 * the container's commands) but in this JVM: output a script can read, exit codes it can rely on, and the state they
 * leave. {@link CommandsIT} launches the executable itself.
 */
@QuarkusTest
class CommandsTest {

    @Inject
    CommandLine.IFactory commands;

    @Inject
    AgroalDataSource database;

    @Inject
    Flyway flyway;

    private CommandRun run(String... args) {
        return CommandRun.of(commands, args);
    }

    private long sessionsOf(String username, boolean open) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            if (open) {
                statement.execute("WITH device AS (INSERT INTO devices (user_id, kind) SELECT id, 'session' FROM users "
                        + "WHERE username = '" + username + "' RETURNING id, user_id) "
                        + "INSERT INTO sessions (key_hash, user_id, csrf_secret, expires_at, device_id) SELECT md5(random()::text) "
                        + "|| md5(random()::text), user_id, 'csrf', now() + interval '1 day', id FROM device");
            }
            var rows = statement.executeQuery("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                    + "WHERE u.username = '" + username + "'");
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Django's changepassword: the password validators, a look-alike name finds the user, and sessions end. */
    @Test
    void changepasswordValidatesAndEndsTheUsersSessions() throws Exception {
        assertEquals(0, run("createsuperuser", "--username", "cli-pw", "--password", "first-pass-word").exitCode());
        sessionsOf("cli-pw", true);
        assertEquals(2, sessionsOf("cli-pw", true), "two open sessions");

        CommandRun weak = run("changepassword", "--username", "cli-pw", "--password", "123");
        assertEquals(1, weak.exitCode());
        assertTrue(weak.err().contains("password: This password is too short. It must contain at least 8 "
                + "characters. This password is too common. This password is entirely numeric."), weak.err());
        assertEquals(2, sessionsOf("cli-pw", false), "a refused change ends nothing");

        CommandRun changed = run("changepassword", "--username", "ｃｌｉ-pw", "--password", "Second-pass-42");
        assertEquals(0, changed.exitCode(), changed.err());
        assertEquals("changed the password of cli-pw", changed.out());
        assertEquals(0, sessionsOf("cli-pw", false));

        assertEquals(ManagementCommands.USAGE, run("changepassword", "--username", "cli-pw").exitCode());
    }

    @Test
    void superuserTokenLifecycle() {
        CommandRun created = run("createsuperuser", "--username", "cli-admin", "--password", "cli-secret");
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("created superuser cli-admin", created.out());

        CommandRun token = run("create-token", "cli-admin");
        assertEquals(0, token.exitCode(), token.err());
        String key = token.out();
        assertTrue(key.matches("[0-9a-f]{40}"), key);

        CommandRun valid = run("check-token", key);
        assertEquals(0, valid.exitCode());
        assertEquals("valid: cli-admin", valid.out());

        CommandRun revoked = run("revoke-token", "cli-admin");
        assertEquals(0, revoked.exitCode());
        assertEquals("revoked 1 token(s) of cli-admin", revoked.out());

        CommandRun invalid = run("check-token", key);
        assertEquals(1, invalid.exitCode());
        assertEquals("invalid: no valid token has this key (unknown, revoked or expired)", invalid.out());

        CommandRun again = run("createsuperuser", "--username", "cli-admin", "--password", "x");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("username: A user with that username already exists."), again.err());

        CommandRun granted = run("grant", "--username", "cli-admin", "--permission", "add_note");
        assertEquals(0, granted.exitCode(), granted.err());
        assertEquals("granted add_note to user cli-admin", granted.out());
        CommandRun ungranted = run("revoke", "--username", "cli-admin", "--permission", "add_note");
        assertEquals(0, ungranted.exitCode(), ungranted.err());
        assertEquals("revoked add_note from user cli-admin", ungranted.out());

        CommandRun allowed = run("explain", "cli-admin", "GET", "/api/admin-only/");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.out().endsWith("verdict: allowed (200)"), allowed.out());
    }

    /** devices lists where a user is signed in; sign-out ends one device, or all of them. */
    @Test
    void devicesAreListedAndSignedOut() {
        assertEquals(0, run("createsuperuser", "--username", "cli-roamer", "--password", "roamer-pass-word").exitCode());
        String laptop = run("create-token", "--device", "laptop", "cli-roamer").out();
        String phone = run("create-token", "cli-roamer").out();

        CommandRun listed = run("devices", "cli-roamer");
        assertEquals(0, listed.exitCode(), listed.err());
        List<String[]> rows = listed.out().lines().map(line -> line.split("\t")).toList();
        assertEquals(List.of("token laptop", "token issued by a management command"),
                rows.stream().map(row -> row[1] + " " + row[4]).toList());
        assertTrue(rows.get(0)[2].matches("\\d{4}-.*Z") && rows.get(0)[3].matches("\\d{4}-.*Z"), listed.out());

        CommandRun one = run("sign-out", "cli-roamer", rows.get(0)[0]);
        assertEquals(0, one.exitCode(), one.err());
        assertEquals("signed cli-roamer out of device " + rows.get(0)[0], one.out());
        assertEquals("invalid: no valid token has this key (unknown, revoked or expired)", run("check-token", laptop).out());
        assertEquals("valid: cli-roamer", run("check-token", phone).out());

        CommandRun again = run("sign-out", "cli-roamer", rows.get(0)[0]);
        assertEquals(1, again.exitCode());
        assertEquals("cli-roamer has no device " + rows.get(0)[0], again.err().strip());

        CommandRun all = run("sign-out", "cli-roamer", "--all");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals("signed cli-roamer out everywhere", all.out());
        assertEquals("invalid: no valid token has this key (unknown, revoked or expired)", run("check-token", phone).out());
        assertEquals("", run("devices", "cli-roamer").out());
        assertEquals(ManagementCommands.USAGE, run("sign-out", "cli-roamer").exitCode());
    }

    /** delete-user: the user goes with their tokens; a second run, and an unknown name, exit 1. */
    @Test
    void deleteUserDeletesTheUserAndTheirTokens() {
        assertEquals(0, run("createsuperuser", "--username", "cli-leaver", "--password", "leaver-pass-word").exitCode());
        String key = run("create-token", "cli-leaver").out();
        CommandRun deleted = run("delete-user", "ｃｌｉ-leaver");
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertEquals("deleted user cli-leaver", deleted.out());
        assertEquals("invalid: no valid token has this key (unknown, revoked or expired)", run("check-token", key).out());
        CommandRun again = run("delete-user", "cli-leaver");
        assertEquals(1, again.exitCode());
        assertEquals("No user named 'cli-leaver'.", again.err().strip());
    }

    @Test
    void explainAndListEndpoints() {
        CommandRun denied = run("explain", "anonymous", "DELETE", "/api/posts/1/");
        assertEquals(1, denied.exitCode(), denied.err());
        assertTrue(denied.out().contains("endpoint: DELETE /api/posts/{id}/ (action 'destroy')"), denied.out());
        assertTrue(denied.out().contains("permission: IsAuthenticated (request): denies - the request is anonymous"),
                denied.out());
        assertTrue(denied.out().endsWith("verdict: denied (401 Authentication credentials were not provided.)"),
                denied.out());

        CommandRun list = run("list-endpoints");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().lines().anyMatch(l -> l.matches(
                "POST\\s+/api/posts/\\{id}/publish/\\s+publish\\s+TokenAuthentication,JWTAuthentication,SessionAuthentication \\(global default\\)"
                        + "\\s+IsAuthenticated,IsOwnerOrReadOnly \\(programmatic\\)")), list.out());
    }

    /**
     * The lockfile round trip on the running policies: written, checked equal, then one policy tightened by hand
     * in the file — the running one is now looser than the file, and the diff says so and where.
     */
    @Test
    void policyLockWritesChecksAndNamesALooserPolicy() throws java.io.IOException {
        Path file = Path.of("target/policy-lock-command-test.lock");
        CommandRun written = run("policy-lock", "--write", "--file", file.toString());
        assertEquals(0, written.exitCode(), written.err());
        assertTrue(written.out().matches("wrote \\d+ policies to target/policy-lock-command-test.lock"), written.out());

        CommandRun same = run("policy-lock", "--check", "--file", file.toString());
        assertEquals(0, same.exitCode(), same.out());
        assertEquals("The running policies match target/policy-lock-command-test.lock.", same.out());

        String text = Files.readString(file);
        String entry = "\nGET /api/data/\n    view: DataView, action get\n"
                + "    authentication: TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]\n"
                + "    permissions: IsAuthenticated [global default]\n";
        assertTrue(text.contains(entry), text);
        Files.writeString(file, text.replace(entry, entry.replace("IsAuthenticated [global default]",
                "IsAdminUser [global default]")));

        CommandRun looser = run("policy-lock", "--check", "--file", file.toString());
        assertEquals(1, looser.exitCode(), looser.out());
        assertEquals("""
                The running policies differ from target/policy-lock-command-test.lock at 1 endpoint(s): 1 looser, 0 changed, 0 tighter.

                LOOSER  GET /api/data/ (DataView, action get)
                    permissions (looser)
                        - IsAdminUser [global default]
                        + IsAuthenticated [global default]

                If these changes are meant, accept them with policy-lock --write and commit the lockfile with them.""",
                looser.out());
    }

    /** The refusals a command makes once it runs (what it parses is {@link CommandLineTest}'s). */
    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource(delimiter = '|', value = {
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
    void aCommandRefusesWhatItCannotDo(String command, int exitCode, String message) {
        CommandRun result = run(command.split(" "));
        assertEquals(exitCode, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().contains(message), result.err());
    }

    /**
     * Django's migrate, on a schema of its own: an empty one gets every migration, a current one none, and one whose
     * history no longer matches the migrations (an applied migration edited since) is refused with Flyway's reason.
     */
    @Test
    void migrateBringsTheSchemaToThisBuildsAndSaysWhatItDid() throws Exception {
        String current = flyway.info().current().getVersion().getVersion();
        int migrations = flyway.info().applied().length;
        String schema = "migrate_command_test";
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        Flyway fresh = Flyway.configure().dataSource(database).schemas(schema).locations("classpath:db/migration").load();
        CommandLine.IFactory withFresh = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == MigrateCommand.class ? type.cast(new MigrateCommand(fresh)) : commands.create(type);
            }
        };
        try {
            CommandRun first = CommandRun.of(withFresh, "migrate");
            assertEquals(List.of(0, "Applied " + migrations + " migrations: the schema is at version " + current
                    + " (was empty).", ""), List.of(first.exitCode(), first.out(), first.err()));

            CommandRun again = CommandRun.of(withFresh, "migrate");
            assertEquals(List.of(0, "No migrations to apply: the schema is at version " + current + ".", ""),
                    List.of(again.exitCode(), again.out(), again.err()));

            try (var connection = database.getConnection(); var statement = connection.createStatement()) {
                statement.execute("UPDATE " + schema + ".flyway_schema_history SET checksum = 1 WHERE version = '1'");
            }
            CommandRun edited = CommandRun.of(withFresh, "migrate");
            assertEquals(List.of(1, ""), List.of(edited.exitCode(), edited.out()));
            assertTrue(edited.err().startsWith("migrate: Validate failed: Migrations have failed validation"), edited.err());
        } finally {
            try (var connection = database.getConnection(); var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
