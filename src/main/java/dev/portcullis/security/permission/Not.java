package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/**
 * DRF's {@code ~A}: the negation at both levels. As in DRF, {@code ~A}'s object check negates A's object
 * check, so {@code ~IsAdminUser} denies every object (A's object check allows by default).
 */
public record Not(Permission operand) implements Composition {

    @Override
    public List<Permission> parts() {
        return List.of(operand);
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return Evaluation.listRestriction(operand, request).negate();
    }

    @Override
    public Decision decide(AccessRequest request) {
        Decision inner = Evaluation.check(operand, request);
        return negate(Decision.REQUEST, inner);
    }

    @Override
    public Decision decideObject(AccessRequest request, Object object) {
        Decision inner = Evaluation.checkObject(operand, request, object);
        return negate(Decision.OBJECT, inner);
    }

    private Decision negate(String level, Decision inner) {
        String hint = inner.allowed() ? inner.permission() + " allows this " + level + ", and " + name()
                + " allows only what " + inner.permission() + " does not" : null;
        return new Decision(name(), level, !inner.allowed(), null, null, List.of(inner), hint);
    }

    @Override
    public String name() {
        return "~" + operand.name();
    }
}
