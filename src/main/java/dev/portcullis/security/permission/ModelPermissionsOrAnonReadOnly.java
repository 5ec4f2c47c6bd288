package dev.portcullis.security.permission;

import jakarta.inject.Singleton;

/** DRF's {@code DjangoModelPermissionsOrAnonReadOnly}: {@link ModelPermissions}, with anonymous reads allowed. */
@Singleton
public class ModelPermissionsOrAnonReadOnly extends ModelPermissions {

    @Override
    protected boolean authenticatedUsersOnly() {
        return false;
    }
}
