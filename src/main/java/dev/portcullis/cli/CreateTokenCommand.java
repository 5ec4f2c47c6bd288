package dev.portcullis.cli;

import dev.portcullis.accounts.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "create-token", description = "Print a new token for USER.")
class CreateTokenCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The username.")
    String username;

    @Option(names = "--device", paramLabel = "NAME", defaultValue = "issued by a management command",
            description = "What the user will see the token as among their devices (default: ${DEFAULT-VALUE}).")
    String device;

    private final Tokens tokens;

    CreateTokenCommand(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Integer call() {
        return Users.withUser(username, spec.commandLine().getErr(), user -> {
            spec.commandLine().getOut().println(tokens.issue(user, device));
            return ManagementCommands.OK;
        });
    }
}
