package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/**
 * DRF's {@code ~A}: the negation at both levels. As in DRF, {@code ~A}'s object check negates A's object
 * check, so {@code ~IsAdminUser} denies every object (A's object check allows by default).
 */
public record Not(Permission operand) implements Permission {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return check(request).allowed();
    }

    @Override
    public boolean hasObjectPermission(AccessRequest request, Object object) {
        return checkObject(request, object).allowed();
    }

    @Override
    public List<Permission> parts() {
        return List.of(operand);
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return operand.listRestriction(request).negate();
    }

    @Override
    public Decision check(AccessRequest request) {
        Decision inner = operand.check(request);
        return negate(Decision.REQUEST, inner);
    }

    @Override
    public Decision checkObject(AccessRequest request, Object object) {
        Decision inner = operand.checkObject(request, object);
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
