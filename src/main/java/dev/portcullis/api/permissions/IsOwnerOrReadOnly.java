package dev.portcullis.api.permissions;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.permission.NonBlocking;
import dev.portcullis.security.permission.ObjectPermission;
import jakarta.inject.Singleton;

/** Read: anyone. Write: authenticated, and only the object's owner (the guide's {@code IsOwnerOrReadOnly}). */
@Singleton
public class IsOwnerOrReadOnly implements ObjectPermission, NonBlocking {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.safeMethod() || request.user().authenticated();
    }

    @Override
    public boolean hasObjectPermission(AccessRequest request, Object object) {
        return request.safeMethod() || object instanceof Owned owned && owned.isOwnedBy(request.user());
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        if (!request.user().authenticated()) {
            return request.method() + " changes data, and the request is anonymous";
        }
        return "the object belongs to another user; only its owner may " + request.method() + " it";
    }
}
