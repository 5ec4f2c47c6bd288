package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

import java.util.List;

/**
 * A permission class of its own made of others, e.g. {@code IsAuthenticated & IsVerifiedUser} under one
 * name. Its verdict keeps the verdict of the composition, so a denial reports the part that denied.
 */
public abstract class CompositePermission implements Permission {

    /** The composition this class stands for. */
    protected abstract Permission composition();

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
        return List.of(composition());
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return composition().listRestriction(request);
    }

    @Override
    public Decision check(AccessRequest request) {
        return wrap(composition().check(request));
    }

    @Override
    public Decision checkObject(AccessRequest request, Object object) {
        return wrap(composition().checkObject(request, object));
    }

    private Decision wrap(Decision inner) {
        return new Decision(name(), inner.level(), inner.allowed(), message(), code(), List.of(inner), null);
    }
}
