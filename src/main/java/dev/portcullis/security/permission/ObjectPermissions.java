package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.core.QueryRestriction;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * DRF's {@code DjangoObjectPermissions} with django-guardian: the model permission of {@link ModelPermissions}
 * for the request, plus the same permission granted on the object itself. Reading an object needs
 * {@code view_<model>} on it (the map guardian users give DRF), and a user who may not even view the object
 * is told it does not exist (404), not that it is forbidden. Lists show the objects the user may view.
 */
@Singleton
public class ObjectPermissions extends ModelPermissions implements ObjectPermission {

    /** DRF's {@code perms_map} for the object level. */
    protected List<String> requiredObjectPermissions(String method, String model) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> List.of("view_" + model);
            default -> requiredPermissions(method, model);
        };
    }

    @Override
    public boolean hasObjectPermission(AccessRequest request, Object object) {
        String model = UserPermissions.modelOf(request);
        if (permissions.hasObjectPerms(request, requiredObjectPermissions(request.method(), model), object)) {
            return true;
        }
        if (request.safeMethod()
                || !permissions.hasObjectPerms(request, requiredObjectPermissions("GET", model), object)) {
            throw Errors.notFound();
        }
        return false;
    }

    @Override
    public QueryRestriction listRestriction(AccessRequest request) {
        return permissions.objectsWith(request, requiredObjectPermissions("GET", UserPermissions.modelOf(request)).get(0));
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        if (object == null) {
            return super.hint(request, object);
        }
        String model = UserPermissions.modelOf(request);
        return request.method() + " needs " + String.join(", ", requiredObjectPermissions(request.method(), model))
                + " granted on this " + model + ", and user '" + request.user().username() + "' holds "
                + describe(permissions.objectPermissions(request, object)) + " on it";
    }
}
