package dev.portcullis.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Creates the superuser named by {@code portcullis.bootstrap-admin.username} and {@code .password} at
 * start-up, when both are set and no user of that name exists (an existing user is left as it is).
 */
@Singleton
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    void onStart(@Observes StartupEvent event, Accounts accounts, EntityManager entityManager,
                 @ConfigProperty(name = "portcullis.bootstrap-admin.username") Optional<String> username,
                 @ConfigProperty(name = "portcullis.bootstrap-admin.password") Optional<String> password) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (exists(entityManager, username.get())) {
                LOG.debugf("Bootstrap admin %s exists already", username.get());
                return;
            }
            accounts.create(new Accounts.NewUser(username.get(), password.get(), "", true, true, true, true));
            LOG.infof("Created the bootstrap superuser %s", username.get());
        });
    }

    /** One native statement: every start asks, and JPQL would be compiled for it on start-up's critical path. */
    private static boolean exists(EntityManager entityManager, String username) {
        return !ScalarColumn.longs(entityManager.createNativeQuery("select id from users where username = :username")
                .setParameter("username", User.normalize(username)), "id").isEmpty();
    }
}
