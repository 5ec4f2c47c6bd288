package dev.portcullis.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.lang.reflect.Constructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every management command accepts and refuses before it runs: its help, and the usage errors picocli
 * reports (exit 2). Parsed without the service — the commands are made with no services, which parsing never
 * uses — so each row costs milliseconds instead of a launch; {@link CommandsIT} runs the executable.
 */
class CommandLineTest {

    /** Makes a command with {@code null} for each service its constructor takes: parsing touches none. */
    private static final CommandLine.IFactory WITHOUT_SERVICES = new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?> constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
        }
    };

    private static CommandRun run(String command) {
        return CommandRun.of(WITHOUT_SERVICES, command.split(" "));
    }

    /** Every command, and the executable itself, answers --help (and manage.py's "help COMMAND") with its usage. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--help|Usage: java -jar quarkus-run.jar [-h] [COMMAND]",
            "help|policy-lock      Compare the running policies with the policy lockfile, or",
            "help grant|Usage: java -jar quarkus-run.jar grant [-h] [--object-id=ID]",
            "createsuperuser --help|--password=PASSWORD   The password; else the one in",
            "changepassword -h|Usage: java -jar quarkus-run.jar changepassword [-h] [--password=PASSWORD]",
            "create-token --help|Usage: java -jar quarkus-run.jar create-token [-h] [--device=NAME] USER",
            "devices --help|Usage: java -jar quarkus-run.jar devices [-h] USER",
            "sign-out --help|Usage: java -jar quarkus-run.jar sign-out [-h] [--all] USER [DEVICE]",
            "revoke-token --help|Usage: java -jar quarkus-run.jar revoke-token [-h] USER",
            "check-token --help|Usage: java -jar quarkus-run.jar check-token [-h] KEY",
            "delete-user --help|Usage: java -jar quarkus-run.jar delete-user [-h] USER",
            "revoke --help|--group=NAME         To or from a group.",
            "list-endpoints --help|Usage: java -jar quarkus-run.jar list-endpoints [-h]",
            "explain --help|Usage: java -jar quarkus-run.jar explain [-h] USER METHOD PATH [OBJECT_ID]",
            "policy-lock --help|--check       Compare with the lockfile (this build's, or PATH): exit 0",
            "migrate --help|Usage: java -jar quarkus-run.jar migrate [-h]",
    })
    void everyCommandHasHelp(String command, String line) {
        CommandRun run = run(command);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().map(String::strip).anyMatch(line::equals), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate|Unmatched argument at index 0: 'frobnicate'",
            "create-token|Missing required parameter: 'USER'",
            "revoke-token a b|Unmatched argument at index 2: 'b'",
            "check-token|Missing required parameter: 'KEY'",
            "delete-user|Missing required parameter: 'USER'",
            "createsuperuser --username|Missing required parameter for option '--username' (NAME)",
            "explain anonymous GET|Missing required parameter: 'PATH'",
            "list-endpoints extra|Unmatched argument at index 1: 'extra'",
            "grant --username|Missing required parameter for option '--username' (NAME)",
            "revoke --user x --permission add_note|Unknown options: '--user', 'x'",
            "grant --username a --group b --permission add_note|Error: --username=NAME, --group=NAME are mutually exclusive",
            "policy-lock|Error: Missing required argument (specify one of these): (--check",
            "policy-lock --check --write|Error: --check, --write are mutually exclusive (specify only one)",
            "policy-lock --check --file|Missing required parameter for option '--file' (PATH)",
            "migrate now|Unmatched argument at index 1: 'now'",
    })
    void usageErrorsSayWhatIsWrong(String command, String message) {
        CommandRun run = run(command);
        assertEquals(ManagementCommands.USAGE, run.exitCode(), run.out());
        assertTrue(run.err().startsWith(message), run.err());
        assertEquals("", run.out());
    }
}
