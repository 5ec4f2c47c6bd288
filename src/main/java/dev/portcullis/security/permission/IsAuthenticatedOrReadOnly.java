package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import jakarta.inject.Singleton;

/** DRF's {@code IsAuthenticatedOrReadOnly}: a safe method, or an authenticated user. */
@Singleton
public class IsAuthenticatedOrReadOnly implements Permission {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.safeMethod() || request.user().authenticated();
    }
}
