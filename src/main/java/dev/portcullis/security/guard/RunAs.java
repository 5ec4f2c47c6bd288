package dev.portcullis.security.guard;

import dev.portcullis.security.core.Caller;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs code as a user, for service methods guarded by {@link Permissions} outside an HTTP request (a scheduled
 * job, a command, a message consumer), which would otherwise be called by the anonymous user:
 *
 * <pre>{@code runAs.user("alice", () -> invoices.pay(id));}</pre>
 *
 * Inside an HTTP request the caller is the request's user already; code run as someone is that someone.
 */
@Singleton
public class RunAs {

    /** What the guard names as the way a caller that runs as someone was recognised. */
    public static final String AUTHENTICATOR = "RunAs";

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private final CallerDirectory callers;

    public RunAs(CallerDirectory callers) {
        this.callers = callers;
    }

    /** @throws IllegalArgumentException when there is no active user of that name */
    public <T> T user(String username, Supplier<T> work) {
        return caller(callers.find(username)
                .orElseThrow(() -> new IllegalArgumentException("No active user named '" + username + "'")), work);
    }

    public void user(String username, Runnable work) {
        user(username, () -> {
            work.run();
            return null;
        });
    }

    /** Runs the work as the caller (e.g. {@link Caller#ANONYMOUS}), and restores whoever ran before. */
    public static <T> T caller(Caller caller, Supplier<T> work) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
