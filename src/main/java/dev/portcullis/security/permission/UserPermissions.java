package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Identified;
import dev.portcullis.security.core.QueryRestriction;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Set;

/**
 * Django's {@code user.has_perms(perms, obj=None)}: an active superuser holds every permission, the anonymous
 * user none (but every user "holds" an empty list), anyone else what the {@link PermissionBackend} says.
 * Staff hold nothing by being staff, as in Django. Each fact is looked up at most once per request.
 */
@Singleton
public class UserPermissions {

    private final PermissionBackend backend;

    public UserPermissions(PermissionBackend backend) {
        this.backend = backend;
    }

    private record ModelPermissionsOf(Long user) {
    }

    private record ObjectPermissionsOf(Long user, String model, Long objectId) {
    }

    /** {@code user.has_perms(codenames)}: model-level permissions. */
    public boolean hasPerms(AccessRequest request, Collection<String> codenames) {
        return codenames.isEmpty() || superuser(request.user())
                || request.user().authenticated() && modelPermissions(request).containsAll(codenames);
    }

    /** {@code user.has_perms(codenames, obj)}: permissions granted on the object itself. */
    public boolean hasObjectPerms(AccessRequest request, Collection<String> codenames, Object object) {
        return codenames.isEmpty() || superuser(request.user())
                || request.user().authenticated() && objectPermissions(request, object).containsAll(codenames);
    }

    /** The codenames the user holds on models, directly or through a group. */
    public Set<String> modelPermissions(AccessRequest request) {
        Caller user = request.user();
        if (!user.authenticated()) {
            return Set.of();
        }
        return request.memo().computeIfAbsent(new ModelPermissionsOf(user.id()),
                () -> backend.modelPermissions(user));
    }

    /** The codenames the user holds on the object, directly or through a group. */
    public Set<String> objectPermissions(AccessRequest request, Object object) {
        Caller user = request.user();
        if (!user.authenticated()) {
            return Set.of();
        }
        String model = modelOf(request);
        Long key = keyOf(object);
        return request.memo().computeIfAbsent(new ObjectPermissionsOf(user.id(), model, key),
                () -> backend.objectPermissions(user, model, key));
    }

    /** The objects of the endpoint's model on which the user holds the codename. */
    public QueryRestriction objectsWith(AccessRequest request, String codename) {
        Caller user = request.user();
        if (superuser(user)) {
            return QueryRestriction.NONE;
        }
        return user.authenticated() ? backend.objectsWith(user, modelOf(request), codename) : QueryRestriction.NOTHING;
    }

    private static boolean superuser(Caller user) {
        return user.authenticated() && user.superuser();
    }

    static String modelOf(AccessRequest request) {
        if (request.model() == null) {
            throw new IllegalStateException("The endpoint of action '" + request.action() + "' declares no model "
                    + "(@Model), which model and object permissions need");
        }
        return request.model();
    }

    private static Long keyOf(Object object) {
        if (object instanceof Identified identified) {
            return identified.primaryKey();
        }
        throw new IllegalStateException(object.getClass().getSimpleName() + " does not implement Identified, "
                + "which object permissions need");
    }
}
