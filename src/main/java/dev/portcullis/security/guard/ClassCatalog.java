package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.security.permission.PermissionExpression;
import dev.portcullis.security.permission.PermissionNames;
import io.quarkus.arc.All;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every permission class and authenticator the application has (CDI beans), by name, so that
 * declarations can name them. Two classes of one simple name are refused.
 */
@Singleton
public class ClassCatalog {

    private final Map<String, Permission> permissions = new LinkedHashMap<>();
    private final Map<String, Authenticator> authenticators = new LinkedHashMap<>();

    public ClassCatalog(@All List<Permission> permissionBeans, @All List<Authenticator> authenticatorBeans) {
        permissionBeans.forEach(p -> register(permissions, p.name(), p));
        authenticatorBeans.forEach(a -> register(authenticators, PermissionNames.of(a.getClass()), a));
    }

    private static <T> void register(Map<String, T> byName, String name, T bean) {
        T previous = byName.put(name, bean);
        if (previous != null && previous != bean) {
            throw new IllegalStateException("Two classes are named " + name + ": " + previous.getClass().getName()
                    + " and " + bean.getClass().getName() + "; declarations name classes by simple name");
        }
    }

    /** A declaration: a class name or a composition such as {@code IsAdminUser | IsOwnerOrReadOnly}. */
    public Permission permission(String expression) {
        return PermissionExpression.parse(expression, this::permissionNamed);
    }

    public Permission permission(Class<? extends Permission> type) {
        return permissionNamed(type.getSimpleName());
    }

    private Permission permissionNamed(String name) {
        Permission permission = permissions.get(name);
        if (permission == null) {
            throw new IllegalArgumentException("unknown permission class '" + name + "' (a permission class is a CDI "
                    + "bean, e.g. @Singleton; known: " + String.join(", ", permissions.keySet()) + ")");
        }
        return permission;
    }

    public Authenticator authenticator(Class<? extends Authenticator> type) {
        return authenticator(type.getSimpleName());
    }

    /**
     * Every authenticator the application can use: an identity provider's class whose provider is not configured is
     * left out, so that no explanation names it.
     */
    public List<Authenticator> authenticators() {
        return authenticators.values().stream().filter(a -> a.unconfigured().isEmpty()).toList();
    }

    /** By class name, or by DRF's name ({@code JWTAuthentication}); one that is not configured is refused. */
    public Authenticator authenticator(String name) {
        Authenticator found = authenticators.containsKey(name) ? authenticators.get(name)
                : authenticators.values().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown authentication class '" + name
                        + "' (known: " + String.join(", ", authenticators.keySet()) + ")"));
        found.unconfigured().ifPresent(missing -> {
            throw new IllegalArgumentException(found.name() + " is declared, but " + missing);
        });
        return found;
    }
}
