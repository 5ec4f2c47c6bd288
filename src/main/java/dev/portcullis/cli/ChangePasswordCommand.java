package dev.portcullis.cli;

import dev.portcullis.accounts.Accounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "changepassword", description = "Set a new password (Django's validators run); the user's sessions "
        + "end on every replica.")
class ChangePasswordCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "PORTCULLIS_NEW_PASSWORD";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "Whose password.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The new password; else the one in " + PASSWORD_VARIABLE + ".")
    String password;

    private final Accounts accounts;

    ChangePasswordCommand(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Integer call() {
        String chosen = Passwords.given(spec, password, PASSWORD_VARIABLE);
        return Users.withUser(username, spec.commandLine().getErr(), user -> {
            accounts.changePassword(user.id, chosen);
            spec.commandLine().getOut().println("changed the password of " + user.username);
            return ManagementCommands.OK;
        });
    }
}
