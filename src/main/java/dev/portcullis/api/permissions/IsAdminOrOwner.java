package dev.portcullis.api.permissions;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.permission.NonBlocking;
import dev.portcullis.security.permission.ObjectPermission;
import jakarta.inject.Singleton;

/** On an object: staff, or the owner (the guide's {@code IsAdminOrOwner}); no request-level rule. */
@Singleton
public class IsAdminOrOwner implements ObjectPermission, NonBlocking {

    @Override
    public boolean hasObjectPermission(AccessRequest request, Object object) {
        return request.user().staff() || object instanceof Owned owned && owned.isOwnedBy(request.user());
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        return "only staff or the object's owner may " + request.method() + " it, and user '"
                + request.user().username() + "' is neither";
    }
}
