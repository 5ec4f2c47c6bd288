package dev.portcullis.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * The addresses a username has signed in from within {@link #REMEMBERED}, shared by every replica: the login
 * rate lets them through while the username's own rate is used up, so a password guesser elsewhere cannot lock
 * the user out. Keys are digests ({@link LoginThrottle#digest}).
 */
@Singleton
public class KnownLoginAddresses {

    static final Duration REMEMBERED = Duration.ofDays(30);

    private final EntityManager entityManager;

    public KnownLoginAddresses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    boolean contains(String usernameKey, String addressKey) {
        return QuarkusTransaction.joiningExisting().call(() -> !entityManager.createNativeQuery(
                        "SELECT 1 FROM login_addresses WHERE username_key = ?1 AND address_key = ?2 "
                                + "AND last_login_at > now() - make_interval(secs => ?3)")
                .setParameter(1, usernameKey).setParameter(2, addressKey)
                .setParameter(3, (double) REMEMBERED.toSeconds())
                .getResultList().isEmpty());
    }

    void remember(String usernameKey, String addressKey) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO login_addresses (username_key, address_key) VALUES (?1, ?2) "
                            + "ON CONFLICT (username_key, address_key) DO UPDATE SET last_login_at = now()")
                    .setParameter(1, usernameKey).setParameter(2, addressKey).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM login_addresses WHERE last_login_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, (double) REMEMBERED.toSeconds()).executeUpdate();
        });
    }
}
