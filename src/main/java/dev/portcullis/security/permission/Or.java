package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/**
 * DRF 3.14's {@code A | B}. At the object level it means "(A allows the request and A allows the object)
 * or (B allows the request and B allows the object)", never "A's object check or B's object check".
 */
public record Or(Permission left, Permission right) implements Composition {

    @Override
    public List<Permission> parts() {
        return List.of(left, right);
    }

    /** The objects either operand allows, each counted only when it also allows the request. */
    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return restrictionOf(left, request).or(restrictionOf(right, request));
    }

    private static QueryRestriction restrictionOf(Permission operand, AccessRequest request) {
        return Evaluation.check(operand, request).allowed() ? Evaluation.listRestriction(operand, request)
                : QueryRestriction.NOTHING;
    }

    @Override
    public Decision decide(AccessRequest request) {
        Decision first = Evaluation.check(left, request);
        if (first.allowed()) {
            return Decision.composite(name(), Decision.REQUEST, true, List.of(first));
        }
        Decision second = Evaluation.check(right, request);
        return Decision.composite(name(), Decision.REQUEST, second.allowed(), List.of(first, second));
    }

    @Override
    public Decision decideObject(AccessRequest request, Object object) {
        Decision first = both(left, request, object);
        if (first.allowed()) {
            return Decision.composite(name(), Decision.OBJECT, true, List.of(first));
        }
        Decision second = both(right, request, object);
        return Decision.composite(name(), Decision.OBJECT, second.allowed(), List.of(first, second));
    }

    /** One operand's request check followed, when it allows, by its object check. */
    private static Decision both(Permission operand, AccessRequest request, Object object) {
        Decision onRequest = Evaluation.check(operand, request);
        return onRequest.allowed() ? Evaluation.checkObject(operand, request, object) : onRequest;
    }

    @Override
    public String name() {
        return "(" + left.name() + " | " + right.name() + ")";
    }
}
