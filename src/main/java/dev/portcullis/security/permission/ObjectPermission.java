package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;

/**
 * A permission class with an object-level rule: DRF's {@code has_object_permission}. Endpoints run it on the object
 * they load through {@code ObjectAccess.getObject(...)}, after every class's request-level check.
 */
public interface ObjectPermission extends Permission {

    /** DRF's {@code has_object_permission(request, view, obj)}. */
    boolean hasObjectPermission(AccessRequest request, Object object);

    /**
     * The objects a list may show: those this class's object-level check allows for a read, as a query
     * condition, so that a list never shows what a retrieve would refuse. The default, every object, suits a class
     * whose object-level check never refuses a read.
     */
    default QueryRestriction listRestriction(AccessRequest request) {
        return QueryRestriction.NONE;
    }
}
