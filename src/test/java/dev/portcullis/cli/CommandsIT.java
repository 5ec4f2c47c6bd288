package dev.portcullis.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service's commands (the native executable where one was built), each a process of its own as an
 * operator or a build pipeline runs it, given a PostgreSQL as a pipeline would give it one (a production build carries
 * no embedded database): what one launch leaves the next finds, and {@code policy-lock --check} is equal to the
 * lockfile the build carries and exits 1 naming the endpoint whose running policy is looser than a copy of the file
 * tightened by hand. What each command parses is {@link CommandLineTest}'s, what it refuses {@link CommandsTest}'s,
 * without a launch each.
 */
class CommandsIT {

    private static EmbeddedPostgres database;
    /** Launched as the suite starts, beside the policy checks: the steps of a pipeline run at once. */
    private static CompletableFuture<Run> superuserCreated;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = EmbeddedPostgres.start();
        superuserCreated = inTheBackground("createsuperuser", "--username", "cli-launched", "--password",
                "cli-secret-3141");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static CompletableFuture<Run> inTheBackground(String... arguments) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launch(arguments);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Run launch(String... arguments) throws IOException, InterruptedException {
        Path nativeExecutable = Path.of(System.getProperty("native.image.path", "target/none"));
        List<String> command = new ArrayList<>(Files.isExecutable(nativeExecutable) ? List.of(nativeExecutable.toString())
                : List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1", "-jar",
                "target/quarkus-app/quarkus-run.jar"));
        command.addAll(List.of(arguments));
        Path stderr = Files.createTempFile("command", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres"));
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), arguments[0] + " did not finish");
        return new Run(process.exitValue(), stdout, Files.readString(stderr));
    }

    /** A superuser made by one launch gets a token from the next. */
    @Test
    void eachLaunchFindsWhatTheLastOneLeft() throws Exception {
        Run created = superuserCreated.get();
        assertEquals(new Run(0, "created superuser cli-launched\n", created.stderr()), created);

        Run token = launch("create-token", "cli-launched");
        assertEquals(0, token.exitCode(), token.stderr());
        assertTrue(token.stdout().matches("[0-9a-f]{40}\n"), token.stdout());
    }

    @Test
    void theBuildsPoliciesAreItsLockfilesAndAHandTightenedCopyIsNamedLooser() throws Exception {
        Path tightened = Files.createTempFile("policies", ".lock");
        String lockfile = Files.readString(Path.of("src/main/resources/portcullis/policies.lock"));
        String admin = "\nDELETE /api/admin/users/{username}/token/\n    view: AdminUserResource, action delete\n"
                + "    authentication: TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]\n"
                + "    permissions: IsAdminUser, IsSuperuserForPrivileges [resource]\n";
        assertTrue(lockfile.contains(admin), "the lockfile locks the admin endpoint");
        Files.writeString(tightened, lockfile.replace(admin, admin.replace("IsSuperuserForPrivileges [resource]",
                "IsSuperuserForPrivileges, IsSuperuser [resource]")));

        // The two checks run at once, as two steps of a pipeline may.
        CompletableFuture<Run> checkingTheTightened = inTheBackground("policy-lock", "--check", "--file",
                tightened.toString());
        Run check = launch("policy-lock", "--check");
        assertEquals(new Run(0, "The running policies match portcullis/policies.lock (in this build).\n", check.stderr()), check);

        Run looser = checkingTheTightened.get();
        assertEquals(1, looser.exitCode(), looser.stderr());
        assertEquals("The running policies differ from " + tightened + " at 1 endpoint(s): 1 looser, 0 changed, 0 tighter.\n"
                + "\n"
                + "LOOSER  DELETE /api/admin/users/{username}/token/ (AdminUserResource, action delete)\n"
                + "    permissions (looser)\n"
                + "        - IsAdminUser, IsSuperuserForPrivileges, IsSuperuser [resource]\n"
                + "        + IsAdminUser, IsSuperuserForPrivileges [resource]\n"
                + "\n"
                + "If these changes are meant, accept them with policy-lock --write and commit the lockfile with them.\n",
                looser.stdout());
    }
}
