package dev.portcullis.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;

/** SimpleJWT's token blacklist, in PostgreSQL so that every replica sees it. */
@Singleton
public class JwtBlacklist {

    private final EntityManager entityManager;

    public JwtBlacklist(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Blacklists the token, and forgets blacklisted tokens that have expired anyway.
     *
     * @return {@code false} when it was blacklisted already (e.g. by a concurrent refresh of the same token)
     */
    public boolean add(JwtTokens.Claims token) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            entityManager.createNativeQuery("DELETE FROM jwt_blacklist WHERE expires_at < now()").executeUpdate();
            int inserted = entityManager.createNativeQuery("INSERT INTO jwt_blacklist (jti, user_id, expires_at) "
                            + "SELECT ?1, (SELECT id FROM users WHERE id = ?2), ?3 ON CONFLICT (jti) DO NOTHING")
                    .setParameter(1, token.jti())
                    .setParameter(2, token.userId())
                    .setParameter(3, Timestamp.from(token.expiresAt()))
                    .executeUpdate();
            return inserted == 1;
        });
    }

    public boolean contains(String jti) {
        return QuarkusTransaction.joiningExisting().call(() -> !entityManager
                .createNativeQuery("SELECT 1 FROM jwt_blacklist WHERE jti = ?1")
                .setParameter(1, jti).getResultList().isEmpty());
    }
}
