package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.testing.PermissionRequest;
import dev.portcullis.security.testing.TestCallers;

import java.util.Map;

/** Named users and shorthands over the test kit ({@link PermissionRequest}, {@link TestCallers}) for these tests. */
public final class Requests {

    public static final Caller ANONYMOUS = Caller.ANONYMOUS;
    public static final Caller ALICE = TestCallers.user("alice");
    public static final Caller BOB = TestCallers.user("bob");
    public static final Caller STAFF = TestCallers.staff("staff");
    public static final Caller VERIFIED = TestCallers.with(TestCallers.user("verified"), "email_verified", true);

    private Requests() {
    }

    public static AccessRequest as(Caller caller, String method, String action) {
        return PermissionRequest.of(method, caller).action(action).build();
    }

    public static AccessRequest as(Caller caller, String method) {
        return as(caller, method, method.toLowerCase());
    }

    /** An object owned by the given user. */
    public static Owned ownedBy(Caller owner) {
        return owner::id;
    }

    /** Parses a composition over the given classes, by name, as declarations do. */
    public static Permission parse(String expression, Map<String, Permission> classes) {
        return PermissionExpression.parse(expression, name -> {
            Permission permission = classes.get(name);
            if (permission == null) {
                throw new IllegalArgumentException("unknown permission class '" + name + "'");
            }
            return permission;
        });
    }

    public static Caller named(String name) {
        return switch (name) {
            case "anonymous" -> ANONYMOUS;
            case "alice" -> ALICE;
            case "bob" -> BOB;
            case "staff" -> STAFF;
            case "verified" -> VERIFIED;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
