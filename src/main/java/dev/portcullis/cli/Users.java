package dev.portcullis.cli;

import dev.portcullis.accounts.User;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** The user a command names, or exit 1 with "No user named …". */
final class Users {

    private Users() {
    }

    static int withUser(String username, PrintWriter err, ToIntFunction<User> command) {
        Optional<User> user = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(username));
        if (user.isEmpty()) {
            err.println("No user named '" + username + "'.");
            return ManagementCommands.REFUSED;
        }
        return command.applyAsInt(user.get());
    }
}
