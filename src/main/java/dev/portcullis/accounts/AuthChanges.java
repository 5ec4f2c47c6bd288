package dev.portcullis.accounts;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * Announces that a user's tokens or account changed, to every replica: a PostgreSQL {@code NOTIFY} sent with
 * the transaction that made the change (so it is heard only if the change commits), and at once to this
 * replica's own cache.
 */
@Singleton
public class AuthChanges {

    static final String CHANNEL = "portcullis_auth_changes";

    private final EntityManager entityManager;
    private final CredentialCache cache;

    public AuthChanges(EntityManager entityManager, CredentialCache cache) {
        this.entityManager = entityManager;
        this.cache = cache;
    }

    /** Call inside the transaction that changes the user or revokes their tokens. */
    public void userChanged(long userId) {
        entityManager.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, Long.toString(userId))
                .getSingleResult();
        cache.forgetUser(userId);
    }
}
