package dev.portcullis.cli;

import dev.portcullis.accounts.Tokens;
import dev.portcullis.accounts.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check-token", description = "Tell whether KEY is a valid token, and whose (exit 0 if valid, 1 if not).")
class CheckTokenCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "KEY", description = "The token's key.")
    String key;

    private final Tokens tokens;

    CheckTokenCommand(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Integer call() {
        Optional<User> user = tokens.userOf(key);
        if (user.isEmpty()) {
            spec.commandLine().getOut().println("invalid: no valid token has this key (unknown, revoked or expired)");
            return ManagementCommands.REFUSED;
        }
        spec.commandLine().getOut().println((user.get().active ? "valid: " : "invalid: inactive user ") + user.get().username);
        return user.get().active ? ManagementCommands.OK : ManagementCommands.REFUSED;
    }
}
