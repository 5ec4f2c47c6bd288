package dev.portcullis.accounts;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.guard.Guard;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import java.util.Map;

/** Builds the Quarkus identity of a user, carrying the {@link Caller} permission classes see. */
public final class Identities {

    static final String STAFF_ROLE = "staff";

    private Identities() {
    }

    static Caller callerOf(User user) {
        return new Caller(user.id, user.username, user.staff, user.superuser, Map.of(
                "email", user.email,
                "email_verified", user.emailVerified));
    }

    /** The caller signed in on a device: the device's id is among its attributes ({@link Devices#ATTRIBUTE}). */
    static Caller callerOf(User user, long device) {
        return new Caller(user.id, user.username, user.staff, user.superuser, Map.of(
                "email", user.email,
                "email_verified", user.emailVerified,
                Devices.ATTRIBUTE, device));
    }

    /** A user not signed in on a device: a password sent with the request (Basic). */
    public static SecurityIdentity of(User user) {
        return of(user, callerOf(user));
    }

    static SecurityIdentity of(User user, long device) {
        return builder(user, callerOf(user, device)).addAttribute(DeviceActivity.USE, new DeviceActivity.Use()).build();
    }

    private static SecurityIdentity of(User user, Caller caller) {
        return builder(user, caller).build();
    }

    private static QuarkusSecurityIdentity.Builder builder(User user, Caller caller) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addAttribute(Guard.CALLER_ATTRIBUTE, caller);
        if (user.staff) {
            identity.addRole(STAFF_ROLE);
        }
        return identity;
    }
}
