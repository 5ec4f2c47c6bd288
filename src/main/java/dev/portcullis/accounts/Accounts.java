package dev.portcullis.accounts;

import dev.portcullis.security.core.ValidationError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users: creating them, changing them, and Django's {@code authenticate(username, password)}. */
@Singleton
public class Accounts {

    public static final String USERNAME_TAKEN = "A user with that username already exists.";

    private final PasswordHasher passwords;
    private final PasswordChecks passwordChecks;
    private final LoginThrottle loginThrottle;
    private final Sessions sessions;
    private final PasswordRules passwordRules;
    private final AuthChanges changes;

    public Accounts(PasswordHasher passwords, PasswordChecks passwordChecks, LoginThrottle loginThrottle,
                    Sessions sessions, PasswordRules passwordRules, AuthChanges changes) {
        this.passwords = passwords;
        this.passwordChecks = passwordChecks;
        this.loginThrottle = loginThrottle;
        this.sessions = sessions;
        this.passwordRules = passwordRules;
        this.changes = changes;
    }

    /** What a new account is made of; flags as Django's defaults unless set. */
    public record NewUser(String username, String password, String email, boolean staff, boolean superuser,
                          boolean active, boolean emailVerified) {

        public static NewUser regular(String username, String password, String email) {
            return new NewUser(username, password, email, false, false, true, false);
        }
    }

    /** @throws ValidationError {@value #USERNAME_TAKEN} when the username is taken */
    @Transactional
    public User create(NewUser spec) {
        if (User.findByUsername(spec.username()).isPresent()) {
            throw ValidationError.of("username", USERNAME_TAKEN);
        }
        User user = new User();
        user.username = User.normalize(spec.username());
        user.email = spec.email() == null ? "" : spec.email();
        user.passwordHash = passwords.hash(spec.password());
        user.staff = spec.staff();
        user.superuser = spec.superuser();
        user.active = spec.active();
        user.emailVerified = spec.emailVerified();
        TakenNames.insert(user, "username", USERNAME_TAKEN);
        return user;
    }

    /**
     * Django's {@code authenticate()} with the model backend: the user when the password matches and the
     * account is active. An unknown username costs the same time as a wrong password.
     */
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(username));
        if (user.isEmpty()) {
            passwords.verifyDummy(password);
            return Optional.empty();
        }
        boolean matches = passwords.verify(password, user.get().passwordHash);
        return matches && user.get().active ? user : Optional.empty();
    }

    /**
     * A login at one of the login endpoints: admitted to a password check ({@link PasswordChecks}), then counted
     * against the login rate (by client address and by username) before it waits for its check, so that a
     * throttled guess neither waits nor reaches the hash; a correct password takes its attempt back.
     */
    public Optional<User> login(String clientAddress, String username, String password) {
        try (PasswordChecks.Turn turn = passwordChecks.admit()) {
            LoginThrottle.Attempt attempt = loginThrottle.attempt(clientAddress, username);
            turn.awaitCheck();
            Optional<User> user = authenticate(username, password);
            user.ifPresent(u -> attempt.succeeded());
            return user;
        }
    }

    /**
     * Deletes the user with everything that is theirs — posts, tokens, sessions, refresh tokens, grants, group
     * memberships: the schema's {@code ON DELETE CASCADE}, as Django's {@code CASCADE}. Every replica forgets the
     * user's credentials within a second (the users table announces its deletes).
     */
    @Transactional
    public void delete(User user) {
        User.deleteById(user.id);
        changes.userChanged(user.id);
    }

    /**
     * Django's {@code changepassword}: the password validators, then {@link #setPassword}.
     *
     * @throws ValidationError with the validators' messages on {@code password}
     */
    @Transactional
    public void changePassword(long userId, String password) {
        User user = User.findById(userId);
        List<String> problems = passwordRules.problems(password, user.username, user.email);
        if (!problems.isEmpty()) {
            throw new ValidationError(Map.of("password", problems));
        }
        setPassword(user, password);
        changes.userChanged(user.id);
    }

    /**
     * Sets a new password (call inside the transaction that changes the user). Every session of the user ends
     * with it, on every replica, as Django's session hash ends them; tokens stay valid, as in DRF.
     */
    public void setPassword(User user, String password) {
        user.passwordHash = passwords.hash(password);
        sessions.closeAll(user.id);
    }
}
