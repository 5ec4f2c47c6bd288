package dev.portcullis.cli;

import picocli.CommandLine;

import java.util.Optional;

/** A password from {@code --password}, else from an environment variable (kept out of the process list). */
final class Passwords {

    private Passwords() {
    }

    /** @throws CommandLine.ParameterException (exit 2) when neither gives one */
    static String given(CommandLine.Model.CommandSpec spec, String option, String variable) {
        String password = Optional.ofNullable(option).orElse(System.getenv(variable));
        if (password == null || password.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), spec.name() + " needs a password: --password "
                    + "or " + variable + ".");
        }
        return password;
    }
}
