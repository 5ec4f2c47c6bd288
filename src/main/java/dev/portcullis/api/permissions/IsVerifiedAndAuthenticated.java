package dev.portcullis.api.permissions;

import dev.portcullis.security.permission.CompositePermission;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;

/** {@code IsAuthenticated & IsVerifiedUser} declared as one class; a denial reports {@code IsVerifiedUser}'s message. */
@Singleton
public class IsVerifiedAndAuthenticated extends CompositePermission {

    private final Permission composition;

    public IsVerifiedAndAuthenticated(IsAuthenticated authenticated, IsVerifiedUser verified) {
        this.composition = authenticated.and(verified);
    }

    @Override
    protected Permission composition() {
        return composition;
    }
}
