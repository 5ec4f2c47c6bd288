package dev.portcullis.security.guard;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;


/**
 * What a list may show: the condition, for the database, that the object-level checks of the action's permissions
 * allow, so that a list never shows what a retrieve would refuse (DRF's best-known trap:
 * {@code has_object_permission} is not run for lists). Viewsets add it to every query they run — lists and the
 * lookup of one object alike; a hand-written endpoint adds {@link #restriction()} to its own.
 */
@Singleton
public class ListScope {

    private final GuardContext context;

    public ListScope(GuardContext context) {
        this.context = context;
    }

    /** The restriction of the current request's permissions, all of which must allow an object. */
    public QueryRestriction restriction() {
        return restrictionOf(context.policy(), context.request());
    }

    /** The restriction of a policy's permissions for a request (the current one, or one an explanation imagines). */
    public static QueryRestriction restrictionOf(EndpointPolicy policy, AccessRequest request) {
        QueryRestriction restriction = QueryRestriction.NONE;
        for (Permission permission : policy.permissions()) {
            restriction = restriction.and(Evaluation.listRestriction(permission, request));
        }
        return restriction;
    }
}
