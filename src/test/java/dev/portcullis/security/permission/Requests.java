package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Owned;

import java.util.Map;

/** DRF's {@code APIRequestFactory} for permission tests: "user U does method M on action A", no HTTP. */
public final class Requests {

    public static final Caller ANONYMOUS = Caller.ANONYMOUS;
    public static final Caller ALICE = user(1L, "alice", false, false);
    public static final Caller BOB = user(2L, "bob", false, false);
    public static final Caller STAFF = user(3L, "staff", true, false);
    public static final Caller VERIFIED = user(4L, "verified", false, true);

    private Requests() {
    }

    public static Caller user(Long id, String name, boolean staff, boolean verified) {
        return new Caller(id, name, staff, false, Map.of("email_verified", verified));
    }

    public static AccessRequest as(Caller caller, String method, String action) {
        return new AccessRequest(caller, method, action, Map.of(), caller.authenticated() ? "TokenAuthentication" : null);
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
