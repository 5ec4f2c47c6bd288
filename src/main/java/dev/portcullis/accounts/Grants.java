package dev.portcullis.accounts;

import dev.portcullis.security.core.Causes;
import dev.portcullis.security.core.ValidationError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.List;

/**
 * Granting and revoking model and object permissions, to users and to groups, and group membership
 * (Django's {@code user.user_permissions.add}, guardian's {@code assign_perm} / {@code remove_perm}).
 * Granting twice, or revoking what was not granted, changes nothing. Nothing here is cached: a grant counts
 * on every replica from the next request.
 */
@Singleton
public class Grants {

    public static final String GROUP_NAME_TAKEN = "group with this name already exists.";

    /** Who receives a grant: a user or a group. */
    public record Grantee(String column, long id) {

        public static Grantee user(long userId) {
            return new Grantee("user_id", userId);
        }

        public static Grantee group(UserGroup group) {
            return new Grantee("group_id", group.id);
        }
    }

    /** What is granted: a permission on a model, or on one object of it. */
    public record Grant(String codename, String model, Long objectId) {

        public static Grant onModel(String codename) {
            return new Grant(codename, null, null);
        }

        public boolean onObject() {
            return objectId != null;
        }
    }

    private final EntityManager entityManager;

    public Grants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @throws ValidationError when the object was deleted meanwhile (the database refuses a grant on no object) */
    public void grant(Grantee grantee, Grant grant) {
        QuarkusTransaction.joiningExisting().run(() -> {
            if (grant.onObject()) {
                try {
                    entityManager.createNativeQuery("INSERT INTO object_grants (" + grantee.column()
                                    + ", model, codename, object_id) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                            .setParameter(1, grantee.id()).setParameter(2, grant.model())
                            .setParameter(3, grant.codename()).setParameter(4, grant.objectId()).executeUpdate();
                } catch (PersistenceException refused) {
                    throw noObject(refused, grant);
                }
            } else {
                entityManager.createNativeQuery("INSERT INTO model_grants (" + grantee.column()
                                + ", codename) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, grantee.id()).setParameter(2, grant.codename()).executeUpdate();
            }
        });
    }

    private static RuntimeException noObject(PersistenceException refused, Grant grant) {
        // The database refuses a grant on an object that does not exist.
        return Causes.refusedWith(refused, Causes.FOREIGN_KEY_VIOLATION)
                ? ValidationError.of("object_id", "Invalid pk \"" + grant.objectId() + "\" - object does not exist.")
                : refused;
    }

    public void revoke(Grantee grantee, Grant grant) {
        QuarkusTransaction.joiningExisting().run(() -> {
            if (grant.onObject()) {
                entityManager.createNativeQuery("DELETE FROM object_grants WHERE " + grantee.column()
                                + " = ?1 AND model = ?2 AND codename = ?3 AND object_id = ?4")
                        .setParameter(1, grantee.id()).setParameter(2, grant.model())
                        .setParameter(3, grant.codename()).setParameter(4, grant.objectId()).executeUpdate();
            } else {
                entityManager.createNativeQuery("DELETE FROM model_grants WHERE " + grantee.column()
                                + " = ?1 AND codename = ?2")
                        .setParameter(1, grantee.id()).setParameter(2, grant.codename()).executeUpdate();
            }
        });
    }

    /** Forgets every grant on an object that is deleted, so that a new object never inherits them. */
    public void revokeAllOn(String model, long objectId) {
        QuarkusTransaction.joiningExisting().run(() -> entityManager
                .createNativeQuery("DELETE FROM object_grants WHERE model = ?1 AND object_id = ?2")
                .setParameter(1, model).setParameter(2, objectId).executeUpdate());
    }

    /** The model permissions granted to the grantee itself (not through groups), sorted. */
    public List<String> modelPermissionsOf(Grantee grantee) {
        return QuarkusTransaction.joiningExisting().call(() -> ScalarColumn.strings(entityManager
                .createNativeQuery("SELECT codename FROM model_grants WHERE " + grantee.column() + " = ?1 ORDER BY codename")
                .setParameter(1, grantee.id()), "codename"));
    }

    /** @throws ValidationError when a group of that name exists */
    public UserGroup createGroup(String name) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (UserGroup.findByName(name).isPresent()) {
                throw ValidationError.of("name", GROUP_NAME_TAKEN);
            }
            UserGroup group = new UserGroup();
            group.name = name;
            TakenNames.insert(group, "name", GROUP_NAME_TAKEN);
            return group;
        });
    }

    public void addMember(UserGroup group, User user) {
        QuarkusTransaction.joiningExisting().run(() -> entityManager
                .createNativeQuery("INSERT INTO group_members (group_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, group.id).setParameter(2, user.id).executeUpdate());
    }

    public void removeMember(UserGroup group, User user) {
        QuarkusTransaction.joiningExisting().run(() -> entityManager
                .createNativeQuery("DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2")
                .setParameter(1, group.id).setParameter(2, user.id).executeUpdate());
    }

    /** The usernames of a group's members, sorted. */
    public List<String> membersOf(UserGroup group) {
        return QuarkusTransaction.joiningExisting().call(() -> entityManager
                .createQuery("select u.username from User u, GroupMember m where m.userId = u.id "
                        + "and m.groupId = :group order by u.username", String.class)
                .setParameter("group", group.id).getResultList());
    }
}
