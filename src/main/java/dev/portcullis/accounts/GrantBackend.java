package dev.portcullis.accounts;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.permission.PermissionBackend;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Model and object permissions from the grant tables: the user's own grants and those of its groups. */
@Singleton
public class GrantBackend implements PermissionBackend {

    private static final String MODEL_PERMISSIONS = "SELECT codename FROM model_grants WHERE user_id = ?1 "
            + "UNION SELECT g.codename FROM model_grants g JOIN group_members m ON m.group_id = g.group_id "
            + "WHERE m.user_id = ?1";

    private static final String OBJECT_PERMISSIONS = "SELECT codename FROM object_grants "
            + "WHERE user_id = ?1 AND model = ?2 AND object_id = ?3 "
            + "UNION SELECT g.codename FROM object_grants g JOIN group_members m ON m.group_id = g.group_id "
            + "WHERE m.user_id = ?1 AND g.model = ?2 AND g.object_id = ?3";

    /**
     * Ids of the objects granted to the user or to one of its groups. A union rather than an {@code or}: each
     * half is answered from its own grant index, so the database reads only the user's grants instead of
     * filtering the whole grant table.
     */
    private static final String OBJECTS_WITH = QueryRestriction.ROOT + ".id in ("
            + "select g.objectId from ObjectGrant g where g.userId = :grantUser and g.model = :grantModel "
            + "and g.codename = :grantCodename "
            + "union select g.objectId from ObjectGrant g, GroupMember m where m.userId = :grantUser "
            + "and g.groupId = m.groupId and g.model = :grantModel and g.codename = :grantCodename)";

    private final EntityManager entityManager;

    /** The models whose grants the database keeps in step with their objects (read once, after migrations). */
    private volatile Set<String> keptInStep;

    public GrantBackend(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Set<String> modelPermissions(Caller user) {
        return stringSet(() -> ScalarColumn.strings(entityManager.createNativeQuery(MODEL_PERMISSIONS)
                .setParameter(1, user.id()), "codename"));
    }

    @Override
    public Set<String> objectPermissions(Caller user, String model, Long objectId) {
        return stringSet(() -> ScalarColumn.strings(entityManager.createNativeQuery(OBJECT_PERMISSIONS)
                .setParameter(1, user.id()).setParameter(2, model).setParameter(3, objectId), "codename"));
    }

    @Override
    public QueryRestriction objectsWith(Caller user, String model, String codename) {
        QueryRestriction granted = QueryRestriction.of(OBJECTS_WITH, Map.of("grantModel", model,
                "grantCodename", codename, "grantUser", user.id()));
        return keptInStep().contains(model) ? granted.withAllowedIds(new GrantedIds(user.id(), model, codename)) : granted;
    }

    private Set<String> keptInStep() {
        Set<String> models = keptInStep;
        if (models == null) {
            models = stringSet(() -> ScalarColumn.strings(entityManager.createNativeQuery(
                    "SELECT model FROM object_grant_tables"), "model"));
            keptInStep = models;
        }
        return models;
    }

    private static Set<String> stringSet(java.util.function.Supplier<List<String>> query) {
        return QuarkusTransaction.joiningExisting().call(() -> Set.copyOf(query.get()));
    }
}
