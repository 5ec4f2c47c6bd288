package dev.portcullis.accounts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Creates the superuser named by {@code portcullis.bootstrap-admin.username} and {@code .password} at
 * start-up, when both are set and no user of that name exists (an existing user is left as it is).
 */
@Singleton
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    void onStart(@Observes StartupEvent event, Instance<Accounts> accounts, AgroalDataSource dataSource,
                 @ConfigProperty(name = "portcullis.bootstrap-admin.username") Optional<String> username,
                 @ConfigProperty(name = "portcullis.bootstrap-admin.password") Optional<String> password) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        if (exists(dataSource, username.get())) {
            LOG.debugf("Bootstrap admin %s exists already", username.get());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // Replicas started at once on a new database each find no such user: the first to take the lock
            // makes it, the others then find it made.
            User.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "portcullis.bootstrap-admin").getSingleResult();
            if (User.findByUsername(username.get()).isPresent()) {
                return;
            }
            accounts.get().create(new Accounts.NewUser(username.get(), password.get(), "", true, true, true, true));
            LOG.infof("Created the bootstrap superuser %s", username.get());
        });
    }

    /**
     * Every start asks, and the answer is nearly always yes: one statement on a pooled connection, with no
     * transaction, session or query plan set up for it on start-up's critical path.
     */
    private static boolean exists(AgroalDataSource dataSource, String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select 1 from users where username = ?")) {
            statement.setString(1, User.normalize(username));
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for the bootstrap superuser: " + e.getMessage(), e);
        }
    }
}
