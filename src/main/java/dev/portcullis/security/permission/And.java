package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/** DRF's {@code A & B}: both must allow, at both levels. B is not asked once A denies. */
public record And(Permission left, Permission right) implements Permission {

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
        return List.of(left, right);
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return left.listRestriction(request).and(right.listRestriction(request));
    }

    @Override
    public Decision check(AccessRequest request) {
        Decision first = left.check(request);
        return first.allowed() ? combine(Decision.REQUEST, first, right.check(request)) : combine(Decision.REQUEST, first);
    }

    @Override
    public Decision checkObject(AccessRequest request, Object object) {
        Decision first = left.checkObject(request, object);
        return first.allowed()
                ? combine(Decision.OBJECT, first, right.checkObject(request, object))
                : combine(Decision.OBJECT, first);
    }

    private Decision combine(String level, Decision... parts) {
        boolean allowed = List.of(parts).stream().allMatch(Decision::allowed) && parts.length == 2;
        return Decision.composite(name(), level, allowed, List.of(parts));
    }

    @Override
    public String name() {
        return "(" + left.name() + " & " + right.name() + ")";
    }
}
