package dev.portcullis.examples.library;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;

/** Signed-in users read; staff and librarians write. */
@Singleton
public class IsLibrarianOrReadOnly implements Permission {
    @Override
    public boolean hasPermission(AccessRequest request) {
        Caller user = request.user();
        return user.authenticated() && (request.safeMethod() || user.staff() || Member.runs(user, null));
    }
}
