package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/**
 * How the guard evaluates permission classes: each class's verdict as a {@link Decision} (compositions keep
 * their parts'), the object-level check only for {@link ObjectPermission}s (the others allow every object, as
 * DRF's {@code BasePermission} does), and the facts read off a class at start-up — whether it needs the
 * endpoint's model, whether it may block, whether it has object-level rules.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** DRF's {@code has_permission}, as a decision. */
    public static Decision check(Permission permission, AccessRequest request) {
        return permission instanceof Composition composition ? composition.decide(request)
                : Decision.of(permission, request, null, permission.hasPermission(request));
    }

    /**
     * {@link #check}, keeping only a denial: {@code null} when the class allows, so that the guard's common
     * request builds no decision (nor asks the class its name and message) only to drop it.
     */
    public static Decision denial(Permission permission, AccessRequest request) {
        if (permission instanceof Composition composition) {
            Decision decision = composition.decide(request);
            return decision.allowed() ? null : decision;
        }
        return permission.hasPermission(request) ? null : Decision.of(permission, request, null, false);
    }

    /** {@link #checkObject}, keeping only a denial: {@code null} when the class allows the object. */
    public static Decision objectDenial(Permission permission, AccessRequest request, Object object) {
        if (permission instanceof Composition composition) {
            Decision decision = composition.decideObject(request, object);
            return decision.allowed() ? null : decision;
        }
        boolean allowed = !(permission instanceof ObjectPermission rule) || rule.hasObjectPermission(request, object);
        return allowed ? null : Decision.of(permission, request, object, false);
    }

    /** DRF's {@code has_object_permission}, as a decision. */
    public static Decision checkObject(Permission permission, AccessRequest request, Object object) {
        if (permission instanceof Composition composition) {
            return composition.decideObject(request, object);
        }
        boolean allowed = !(permission instanceof ObjectPermission rule) || rule.hasObjectPermission(request, object);
        return Decision.of(permission, request, object, allowed);
    }

    /** The objects a list may show under this class (see {@link ObjectPermission#listRestriction}). */
    public static QueryRestriction listRestriction(Permission permission, AccessRequest request) {
        return permission instanceof ObjectPermission rule ? rule.listRestriction(request) : QueryRestriction.NONE;
    }

    /** The classes a composition is made of; none for a plain class. */
    public static List<Permission> parts(Permission permission) {
        return permission instanceof Composition composition ? composition.parts() : List.of();
    }

    /** Whether the class needs the endpoint's model ({@code @Model}), as model and object permissions do. */
    public static boolean needsModel(Permission permission) {
        return permission instanceof ModelPermissions || parts(permission).stream().anyMatch(Evaluation::needsModel);
    }

    /**
     * Whether the class has an object-level rule: an {@link ObjectPermission}, a composition holding one, or a
     * negation (DRF's {@code ~A} refuses every object A's default allows).
     */
    public static boolean hasObjectRules(Permission permission) {
        if (permission instanceof Not) {
            return true;
        }
        return permission instanceof Composition ? parts(permission).stream().anyMatch(Evaluation::hasObjectRules)
                : permission instanceof ObjectPermission;
    }

    /** Whether the checks may block: every class not declared {@link NonBlocking}, and compositions of one. */
    public static boolean blocking(Permission permission) {
        return permission instanceof Composition ? parts(permission).stream().anyMatch(Evaluation::blocking)
                : !(permission instanceof NonBlocking);
    }
}
