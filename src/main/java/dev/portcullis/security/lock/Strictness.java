package dev.portcullis.security.lock;

import dev.portcullis.security.permission.And;
import dev.portcullis.security.permission.Not;
import dev.portcullis.security.permission.Or;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.security.permission.PermissionExpression;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether one list of permission classes allows no more than another, read from the names alone: a class kept
 * in an AND, DRF's composition rules, and the known order of the built-in classes. Conservative: when it cannot
 * tell (a custom class swapped for another), neither list is said to be stricter, and a reviewer decides.
 */
final class Strictness {

    /** A class known only by name: two are the same class when their names are. */
    private record Named(String name) implements Permission {
    }

    private static final String ALLOW_ANY = "AllowAny";

    /** For each built-in class, the built-in classes that allow everything it allows (and more). */
    private static final Map<String, Set<String>> LOOSER_BUILT_INS = Map.of(
            "IsAdminUser", Set.of("IsAuthenticated", "IsAuthenticatedOrReadOnly"),
            "IsAuthenticated", Set.of("IsAuthenticatedOrReadOnly"),
            "ObjectPermissions", Set.of("ModelPermissions", "ModelPermissionsOrAnonReadOnly", "IsAuthenticated",
                    "IsAuthenticatedOrReadOnly"),
            "ModelPermissions", Set.of("ModelPermissionsOrAnonReadOnly", "IsAuthenticated", "IsAuthenticatedOrReadOnly"),
            "ModelPermissionsOrAnonReadOnly", Set.of("IsAuthenticatedOrReadOnly"));

    private Strictness() {
    }

    /**
     * A list of classes (all must allow, as DRF's {@code permission_classes}) as one expression.
     *
     * @param names the names as the lockfile lists them, e.g. {@code IsAuthenticated, (IsAdminUser | IsOwner)}
     */
    static Permission parse(List<String> names) {
        if (names.isEmpty()) {
            return new Named(ALLOW_ANY);
        }
        return PermissionExpression.parse(String.join(" & ", names), Named::new);
    }

    /** Whether {@code narrow} allows only requests {@code wide} allows too. */
    static boolean allowsNoMoreThan(Permission narrow, Permission wide) {
        if (narrow.equals(wide) || wide.equals(new Named(ALLOW_ANY))) {
            return true;
        }
        if (wide instanceof And and) {
            return allowsNoMoreThan(narrow, and.left()) && allowsNoMoreThan(narrow, and.right());
        }
        if (narrow instanceof Or or) {
            return allowsNoMoreThan(or.left(), wide) && allowsNoMoreThan(or.right(), wide);
        }
        if (narrow instanceof And and && (allowsNoMoreThan(and.left(), wide) || allowsNoMoreThan(and.right(), wide))) {
            return true;
        }
        if (wide instanceof Or or && (allowsNoMoreThan(narrow, or.left()) || allowsNoMoreThan(narrow, or.right()))) {
            return true;
        }
        if (narrow instanceof Not notNarrow && wide instanceof Not notWide) {
            return allowsNoMoreThan(notWide.operand(), notNarrow.operand());
        }
        return narrow instanceof Named a && wide instanceof Named b
                && LOOSER_BUILT_INS.getOrDefault(a.name(), Set.of()).contains(b.name());
    }
}
