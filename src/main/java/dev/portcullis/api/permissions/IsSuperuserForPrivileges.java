package dev.portcullis.api.permissions;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.permission.NonBlocking;
import dev.portcullis.security.permission.ObjectPermission;
import jakarta.inject.Singleton;

/**
 * Staff manage ordinary users; privileges are a superuser's to give. On an {@link AccountChange}: only a
 * superuser sets or clears {@code is_staff}/{@code is_superuser}, or changes the password of, deactivates, or
 * creates or revokes tokens for a staff or superuser account. (DRF's {@code IsAdminUser} alone would let any
 * staff user make itself superuser.)
 */
@Singleton
public class IsSuperuserForPrivileges implements ObjectPermission, NonBlocking {

    @Override
    public boolean hasObjectPermission(AccessRequest request, Object object) {
        return request.user().superuser()
                || !(object instanceof AccountChange change && change.reservedToSuperusers() != null);
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        AccountChange change = (AccountChange) object;
        AccountChange.Change reserved = change.reservedToSuperusers();
        String what = reserved == AccountChange.Change.PRIVILEGES ? reserved.words + " (on '" + change.username() + "')"
                : reserved.words + " the staff or superuser account '" + change.username() + "'";
        return "only a superuser may " + what + ", and user '" + request.user().username()
                + "' is staff but not a superuser";
    }
}
