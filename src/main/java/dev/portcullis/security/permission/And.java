package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/** DRF's {@code A & B}: both must allow, at both levels. B is not asked once A denies. */
public record And(Permission left, Permission right) implements Composition {

    @Override
    public List<Permission> parts() {
        return List.of(left, right);
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return Evaluation.listRestriction(left, request).and(Evaluation.listRestriction(right, request));
    }

    @Override
    public Decision decide(AccessRequest request) {
        Decision first = Evaluation.check(left, request);
        return first.allowed() ? combine(Decision.REQUEST, first, Evaluation.check(right, request)) : combine(Decision.REQUEST, first);
    }

    @Override
    public Decision decideObject(AccessRequest request, Object object) {
        Decision first = Evaluation.checkObject(left, request, object);
        return first.allowed()
                ? combine(Decision.OBJECT, first, Evaluation.checkObject(right, request, object))
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
