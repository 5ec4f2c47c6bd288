package dev.portcullis.security.testing;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.permission.PermissionBackend;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Model and object grants held in memory, for testing {@code ModelPermissions} and {@code ObjectPermissions}
 * without a database: {@code new InMemoryGrants().model(alice, "add_note").object(alice, "document", 42, "view_document")},
 * then {@code new ObjectPermissions().usingGrantsOf(grants)}.
 */
public final class InMemoryGrants implements PermissionBackend {

    private final Map<Long, Set<String>> models = new HashMap<>();
    private final Map<String, Set<String>> objects = new HashMap<>();

    public InMemoryGrants model(Caller user, String... codenames) {
        models.computeIfAbsent(user.id(), id -> new HashSet<>()).addAll(Set.of(codenames));
        return this;
    }

    public InMemoryGrants object(Caller user, String model, long objectId, String... codenames) {
        objects.computeIfAbsent(key(user.id(), model, objectId), k -> new HashSet<>()).addAll(Set.of(codenames));
        return this;
    }

    @Override
    public Set<String> modelPermissions(Caller user) {
        return Set.copyOf(models.getOrDefault(user.id(), Set.of()));
    }

    @Override
    public Set<String> objectPermissions(Caller user, String model, Long objectId) {
        return Set.copyOf(objects.getOrDefault(key(user.id(), model, objectId), Set.of()));
    }

    /** The ids of the objects granted, as a condition; list scoping itself needs the database. */
    @Override
    public QueryRestriction objectsWith(Caller user, String model, String codename) {
        Set<Long> ids = new HashSet<>(Set.of(-1L));
        objects.forEach((key, codenames) -> {
            String prefix = user.id() + "/" + model + "/";
            if (key.startsWith(prefix) && codenames.contains(codename)) {
                ids.add(Long.parseLong(key.substring(prefix.length())));
            }
        });
        return QueryRestriction.of(QueryRestriction.ROOT + ".id in (:granted)", Map.of("granted", ids));
    }

    private static String key(Long userId, String model, long objectId) {
        return userId + "/" + model + "/" + objectId;
    }
}
