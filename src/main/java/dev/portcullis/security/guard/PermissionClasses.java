package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Permission;
import io.quarkus.arc.Arc;

import java.util.Arrays;
import java.util.List;

/**
 * Permission classes by class, for {@link GetPermissions#getPermissions}: {@code PermissionClasses.of(IsAuthenticated.class,
 * IsOwnerOrReadOnly.class)} is DRF's {@code [IsAuthenticated(), IsOwnerOrReadOnly()]}. Asked at start-up only, so
 * the look-up costs nothing per request; a class that is not a bean stops start-up as any declaration does.
 */
public final class PermissionClasses {

    private PermissionClasses() {
    }

    @SafeVarargs
    public static List<Permission> of(Class<? extends Permission>... classes) {
        ClassCatalog catalog = Arc.container().instance(ClassCatalog.class).get();
        return Arrays.stream(classes).map(catalog::permission).toList();
    }

    /** A composition, written as in Python: {@code "IsAdminUser | IsOwnerOrReadOnly"}. */
    public static List<Permission> of(String expression) {
        return List.of(Arc.container().instance(ClassCatalog.class).get().permission(expression));
    }
}
