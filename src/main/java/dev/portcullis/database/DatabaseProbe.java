package dev.portcullis.database;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.AgroalSecurityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Asks PostgreSQL whether it accepts connections again: opens one of its own, outside the pool, with the
 * pool's own URL, credentials and JDBC properties (so its connect and login timeouts bound the wait), checks
 * it and closes it. Outside the pool because the pool, while the circuit is open, gives up at once.
 */
@ApplicationScoped
class DatabaseProbe {

    private static final int VALIDATION_SECONDS = 2;

    private final AgroalDataSource dataSource;
    private final Driver driver = new Driver();

    DatabaseProbe(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether a new connection could be opened and answered; never throws. */
    boolean answers() {
        AgroalConnectionFactoryConfiguration factory = dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        try (Connection connection = driver.connect(factory.jdbcUrl(), properties(factory))) {
            return connection != null && connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The JDBC properties and the user and password, as the pool's connection factory puts them together. */
    private static Properties properties(AgroalConnectionFactoryConfiguration factory) {
        Properties properties = new Properties();
        properties.putAll(factory.jdbcProperties());
        properties.putAll(security(factory, factory.principal()));
        for (Object credential : factory.credentials()) {
            properties.putAll(security(factory, credential));
        }
        return properties;
    }

    private static Properties security(AgroalConnectionFactoryConfiguration factory, Object securityObject) {
        if (securityObject != null) {
            for (AgroalSecurityProvider provider : factory.securityProviders()) {
                Properties properties = provider.getSecurityProperties(securityObject);
                if (properties != null) {
                    return properties;
                }
            }
        }
        return new Properties();
    }
}
