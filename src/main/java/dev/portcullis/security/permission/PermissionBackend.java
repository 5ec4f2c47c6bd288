package dev.portcullis.security.permission;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;

import java.util.Set;

/**
 * Where model and object permissions are kept (Django's permission backends: the model backend and
 * django-guardian's object backend). Answers for a user's own grants and those of the user's groups;
 * superusers and anonymous users are {@link UserPermissions}' concern, not the backend's.
 */
public interface PermissionBackend {

    /** Django's {@code get_all_permissions()}: the codenames (e.g. {@code add_note}) the user holds on models. */
    Set<String> modelPermissions(Caller user);

    /** guardian's {@code get_perms(user, obj)}: the codenames the user holds on one object. */
    Set<String> objectPermissions(Caller user, String model, Long objectId);

    /**
     * guardian's {@code get_objects_for_user}: a condition keeping the objects of the model on which the user
     * holds the codename, over {@link QueryRestriction#ROOT}'s {@code id}.
     */
    QueryRestriction objectsWith(Caller user, String model, String codename);
}
