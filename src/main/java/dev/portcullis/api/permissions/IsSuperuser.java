package dev.portcullis.api.permissions;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.permission.NonBlocking;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;

/**
 * Grants and groups are a superuser's: a staff user who could grant could grant itself any object it may not see.
 * (DRF's {@code IsAdminUser} lets any staff user in; Django's admin keeps permissions to superusers by default too.)
 */
@Singleton
public class IsSuperuser implements Permission, NonBlocking {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.user().authenticated() && request.user().superuser();
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        return "only a superuser manages grants and groups, and user '" + request.user().username() + "' is not one";
    }
}
