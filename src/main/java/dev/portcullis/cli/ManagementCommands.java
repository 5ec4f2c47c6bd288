package dev.portcullis.cli;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.ValidationError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The management commands, as Django's {@code manage.py} has them. Exit status: 0 done (or allowed, valid,
 * equal), 1 refused (no such user, invalid token, denied, a validation error, a policy that differs), 2 bad
 * arguments. Results go to stdout, one fact per line; messages to stderr. {@code --help} on any command.
 */
@Command(name = "java -jar quarkus-run.jar", description = "Portcullis's management commands (without one, the service serves HTTP).",
        subcommands = {CreateSuperuserCommand.class, ChangePasswordCommand.class, CreateTokenCommand.class,
                RevokeTokenCommand.class, DevicesCommand.class, SignOutCommand.class, DeleteUserCommand.class, CheckTokenCommand.class, GrantCommand.class, RevokeCommand.class,
                ListEndpointsCommand.class, ExplainCommand.class, PolicyLockCommand.class, MigrateCommand.class})
public class ManagementCommands {

    static final int OK = CommandLine.ExitCode.OK;
    static final int REFUSED = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    /** Runs one command line with the commands built by the container (so that they can inject the services). */
    public static int run(String[] args, CommandLine.IFactory factory) {
        if (args[0].equals("help")) {
            // manage.py's spelling: "help" and "help COMMAND" are --help of the commands, or of one.
            args = args.length == 1 ? new String[] {"--help"} : new String[] {args[1], "--help"};
        }
        CommandLine commandLine = new CommandLine(ManagementCommands.class, factory);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof ValidationError invalid) {
                invalid.errors().forEach((field, messages) -> line.getErr().println(field + ": " + String.join(" ", messages)));
                return REFUSED;
            }
            if (failure instanceof ApiException refused) {
                line.getErr().println(refused.detail());
                return REFUSED;
            }
            throw failure;
        });
        return commandLine.execute(args);
    }
}
