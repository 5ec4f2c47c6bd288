package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Errors;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * DRF's {@code DjangoModelPermissions}: POST needs {@code add_<model>}, PUT and PATCH {@code change_<model>},
 * DELETE {@code delete_<model>}, reads nothing more; authenticated users only. The model is the endpoint's
 * ({@code @Model}). A method outside that map is DRF's 405.
 */
@Singleton
public class ModelPermissions implements Permission {

    @Inject
    UserPermissions permissions;

    /**
     * Makes this instance read other grants than the application's — a test's
     * ({@link dev.portcullis.security.testing.InMemoryGrants}): {@code new ObjectPermissions().usingGrantsOf(grants)}.
     * For instances a test creates, never the application's bean.
     */
    @SuppressWarnings("unchecked")
    public <P extends ModelPermissions> P usingGrantsOf(PermissionBackend grants) {
        permissions = new UserPermissions(grants);
        return (P) this;
    }

    /** DRF's {@code authenticated_users_only}. */
    protected boolean authenticatedUsersOnly() {
        return true;
    }

    /** DRF's {@code perms_map} for the request level. */
    protected List<String> requiredPermissions(String method, String model) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> List.of();
            case "POST" -> List.of("add_" + model);
            case "PUT", "PATCH" -> List.of("change_" + model);
            case "DELETE" -> List.of("delete_" + model);
            default -> throw Errors.methodNotAllowed(method);
        };
    }

    @Override
    public boolean hasPermission(AccessRequest request) {
        if (!request.user().authenticated() && authenticatedUsersOnly()) {
            return false;
        }
        return permissions.hasPerms(request, requiredPermissions(request.method(), UserPermissions.modelOf(request)));
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        if (!request.user().authenticated()) {
            return authenticatedUsersOnly() ? name() + " allows authenticated users only"
                    : request.method() + " changes data, and " + name() + " lets anonymous users only read";
        }
        List<String> required = requiredPermissions(request.method(), UserPermissions.modelOf(request));
        return request.method() + " needs the model permission " + String.join(", ", required) + ", and user '"
                + request.user().username() + "' holds " + describe(permissions.modelPermissions(request))
                + " (granted to the user or to one of its groups: POST /api/admin/grants/)";
    }

    static String describe(Set<String> held) {
        return held.isEmpty() ? "none" : String.join(", ", new TreeSet<>(held));
    }
}
