package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import jakarta.inject.Singleton;

/** DRF's {@code IsAuthenticated}: the user is authenticated. */
@Singleton
public class IsAuthenticated implements Permission, NonBlocking {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.user().authenticated();
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        return "the request is anonymous, and IsAuthenticated requires an authenticated user";
    }
}
