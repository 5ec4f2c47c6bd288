package dev.portcullis.security.permission;

/** Names of classes as declarations spell them, free of the generated CDI proxy suffixes. */
public final class PermissionNames {

    private PermissionNames() {
    }

    public static String of(Class<?> type) {
        String name = type.getSimpleName();
        int generated = name.indexOf('_');
        return generated > 0 && (name.endsWith("_ClientProxy") || name.endsWith("_Subclass"))
                ? name.substring(0, generated)
                : name;
    }
}
