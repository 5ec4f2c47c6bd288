package dev.portcullis.accounts;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.guard.CallerDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Users as permission classes see them, for explanations. */
@Singleton
public class AccountCallers implements CallerDirectory {

    @Override
    public Optional<Caller> find(String username) {
        return QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(username))
                .filter(user -> user.active)
                .map(Identities::callerOf);
    }
}
