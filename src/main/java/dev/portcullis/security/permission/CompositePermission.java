package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/**
 * A permission class of its own made of others, e.g. {@code IsAuthenticated & IsVerifiedUser} under one
 * name. Its verdict keeps the verdict of the composition, so a denial reports the part that denied.
 */
public abstract class CompositePermission implements Composition {

    /** The composition this class stands for. */
    protected abstract Permission composition();

    @Override
    public List<Permission> parts() {
        return List.of(composition());
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return Evaluation.listRestriction(composition(), request);
    }

    @Override
    public Decision decide(AccessRequest request) {
        return wrap(Evaluation.check(composition(), request));
    }

    @Override
    public Decision decideObject(AccessRequest request, Object object) {
        return wrap(Evaluation.checkObject(composition(), request, object));
    }

    private Decision wrap(Decision inner) {
        return new Decision(name(), inner.level(), inner.allowed(), message(), code(), List.of(inner), null);
    }
}
