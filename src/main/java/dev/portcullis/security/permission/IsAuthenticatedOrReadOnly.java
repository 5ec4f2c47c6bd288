package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import jakarta.inject.Singleton;

/** DRF's {@code IsAuthenticatedOrReadOnly}: a safe method, or an authenticated user. */
@Singleton
public class IsAuthenticatedOrReadOnly implements Permission, NonBlocking {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.safeMethod() || request.user().authenticated();
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        return request.method() + " is not a read-only method (GET, HEAD, OPTIONS), and the request is anonymous";
    }
}
