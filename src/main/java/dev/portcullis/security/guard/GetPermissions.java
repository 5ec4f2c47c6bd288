package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Permission;

import java.util.List;

/**
 * DRF's {@code get_permissions()}: a resource that implements it decides its permission classes per action
 * in code. It is asked once per action at start-up, so the answer may depend on the action only.
 */
public interface GetPermissions {

    /** The permissions for the action, or {@code null} to keep the declared ones. */
    List<Permission> getPermissions(String action);
}
