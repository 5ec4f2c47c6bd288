package dev.portcullis.cli;

import dev.portcullis.accounts.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "revoke-token", description = "Revoke every token of USER.")
class RevokeTokenCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The username.")
    String username;

    private final Tokens tokens;

    RevokeTokenCommand(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Integer call() {
        return Users.withUser(username, spec.commandLine().getErr(), user -> {
            spec.commandLine().getOut().println("revoked " + tokens.revokeAll(user) + " token(s) of " + user.username);
            return ManagementCommands.OK;
        });
    }
}
