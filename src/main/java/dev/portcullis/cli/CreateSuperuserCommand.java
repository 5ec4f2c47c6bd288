package dev.portcullis.cli;

import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "createsuperuser", description = "Create a superuser (staff, all permissions).")
class CreateSuperuserCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "PORTCULLIS_SUPERUSER_PASSWORD";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "The new superuser's username.")
    String username;

    @Option(names = "--email", paramLabel = "EMAIL", defaultValue = "", description = "Its e-mail address.")
    String email;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The password; else the one in " + PASSWORD_VARIABLE + ".")
    String password;

    private final Accounts accounts;

    CreateSuperuserCommand(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Integer call() {
        String chosen = Passwords.given(spec, password, PASSWORD_VARIABLE);
        User user = accounts.create(new Accounts.NewUser(username, chosen, email, true, true, true, true));
        spec.commandLine().getOut().println("created superuser " + user.username);
        return ManagementCommands.OK;
    }
}
