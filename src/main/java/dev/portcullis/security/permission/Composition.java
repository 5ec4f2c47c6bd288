package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;

import java.util.List;

/** A permission made of others ({@code &}, {@code |}, {@code ~}, or a named composite), evaluated over its parts. */
interface Composition extends ObjectPermission {

    List<Permission> parts();

    Decision decide(AccessRequest request);

    Decision decideObject(AccessRequest request, Object object);

    @Override
    default boolean hasPermission(AccessRequest request) {
        return decide(request).allowed();
    }

    @Override
    default boolean hasObjectPermission(AccessRequest request, Object object) {
        return decideObject(request, object).allowed();
    }
}
