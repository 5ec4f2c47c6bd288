package dev.portcullis.cli;

import dev.portcullis.accounts.Accounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "delete-user", description = "Delete USER with everything that is theirs (posts, tokens, sessions, "
        + "refresh tokens, grants, group memberships); every replica refuses their credentials within a second.")
class DeleteUserCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The username.")
    String username;

    private final Accounts accounts;

    DeleteUserCommand(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Integer call() {
        return Users.withUser(username, spec.commandLine().getErr(), user -> {
            accounts.delete(user);
            spec.commandLine().getOut().println("deleted user " + user.username);
            return ManagementCommands.OK;
        });
    }
}
