package dev.portcullis.security.guard;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.permission.PermissionNames;

import java.util.Optional;

/**
 * Implemented by a resource whose endpoints act on one object, so that an explanation can run the object-level
 * checks without running the endpoint: the object as the resource's own scoped query finds it for the request —
 * the query its endpoints run, not a second one.
 */
public interface ObjectLookup {

    /**
     * @param policy  the policy of the action asked about (its permissions may narrow the query)
     * @param request the request as the guard would see it, its user authenticated
     */
    Optional<Object> lookupObject(String id, EndpointPolicy policy, AccessRequest request);

    /**
     * Where the objects this resource acts on are chosen, as the policy lockfile names it for a reviewer: the
     * method to read (e.g. {@code PostResource.getQueryset}), or {@code all objects}.
     */
    default String queryset() {
        return PermissionNames.of(getClass()) + ".lookupObject";
    }

    /**
     * What the relations a write sets may link to, as the policy lockfile names it for a reviewer (e.g.
     * {@code project: what ProjectViewSet lets the caller retrieve}), or {@code null} when a write sets none.
     */
    default String relations() {
        return null;
    }

    /**
     * What the related objects this resource's answers show nested may be, as the policy lockfile names it (e.g.
     * {@code book: what Books lets the caller retrieve}), or {@code null} when its answers nest none.
     */
    default String shownNested() {
        return null;
    }
}
