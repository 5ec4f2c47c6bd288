package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import jakarta.inject.Singleton;

/** DRF's {@code IsAdminUser}: the user is staff ({@code is_staff}). */
@Singleton
public class IsAdminUser implements Permission, NonBlocking {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.user().staff();
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        return request.user().authenticated()
                ? "user '" + request.user().username() + "' is not staff (is_staff is false)"
                : "the request is anonymous, and IsAdminUser requires a staff user";
    }
}
