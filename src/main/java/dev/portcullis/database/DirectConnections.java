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
 * Connections of their own, outside the pool, made as the pool makes its own — its URL, credentials and JDBC
 * properties, so that its connect and login timeouts bound the wait — with PostgreSQL's driver directly: for what must
 * not queue in the pool behind requests, nor be refused by the open circuit (the probe), or hold one of the pool's
 * connections for good (the listener for credential changes).
 */
@ApplicationScoped
public class DirectConnections {

    private final AgroalDataSource dataSource;
    private final Driver driver = new Driver();

    DirectConnections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new connection; the caller closes it. */
    public Connection open() throws SQLException {
        AgroalConnectionFactoryConfiguration factory = dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        Connection connection = driver.connect(factory.jdbcUrl(), properties(factory));
        if (connection == null) {
            throw new SQLException("PostgreSQL's driver does not accept the URL " + factory.jdbcUrl(), "08001");
        }
        return connection;
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
