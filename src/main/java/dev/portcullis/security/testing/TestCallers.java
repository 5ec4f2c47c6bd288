package dev.portcullis.security.testing;

import dev.portcullis.security.core.Caller;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users for permission tests, as DRF's {@code force_authenticate(user)} takes them: no database, just what a
 * permission class sees of a user ({@link Caller}).
 */
public final class TestCallers {

    private static final AtomicLong IDS = new AtomicLong(1_000_000);

    private TestCallers() {
    }

    public static Caller anonymous() {
        return Caller.ANONYMOUS;
    }

    /** An active user, neither staff nor superuser, with an id of its own. */
    public static Caller user(String username) {
        return new Caller(IDS.incrementAndGet(), username, false, false, Map.of());
    }

    public static Caller staff(String username) {
        return new Caller(IDS.incrementAndGet(), username, true, false, Map.of());
    }

    /** Staff and superuser, as {@code createsuperuser} makes one. */
    public static Caller superuser(String username) {
        return new Caller(IDS.incrementAndGet(), username, true, true, Map.of());
    }

    /** The same user with one more fact a custom class reads, e.g. {@code with(alice, "email_verified", true)}. */
    public static Caller with(Caller caller, String attribute, Object value) {
        Map<String, Object> attributes = new HashMap<>(caller.attributes());
        attributes.put(attribute, value);
        return new Caller(caller.id(), caller.username(), caller.staff(), caller.superuser(), attributes);
    }
}
