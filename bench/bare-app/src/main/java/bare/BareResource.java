package bare;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service's benchmark asks of it, with nothing in between: a small JSON answer, and 20 rows, read as an
 * application reads them with Hibernate ORM, as the service reads a page (a projection, no transaction) and, as the
 * floor of the stack, with JDBC alone.
 */
@Path("/bare/")
public class BareResource {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Path("public/")
    public Map<String, String> open() {
        return Map.of("message", "Anyone may read this.");
    }

    @GET
    @Path("items/")
    @Transactional
    public List<Item> items() {
        return entityManager.createQuery("from Item order by id", Item.class).setMaxResults(20).getResultList();
    }

    /** The same 20 rows as the service reads a page: a projection, no transaction. */
    @GET
    @Path("items-hql/")
    public List<Object[]> itemsByProjection() {
        return entityManager.createQuery("select i.id, i.title, i.body from Item i order by i.id", Object[].class)
                .setMaxResults(20).getResultList();
    }

    /** The same 20 rows by JDBC: no ORM, no transaction, one statement. */
    @GET
    @Path("items-jdbc/")
    public List<Map<String, Object>> itemsByJdbc() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, title, body FROM bare_items ORDER BY id LIMIT 20");
             ResultSet rows = statement.executeQuery()) {
            List<Map<String, Object>> items = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", rows.getLong(1));
                item.put("title", rows.getString(2));
                item.put("body", rows.getString(3));
                items.add(item);
            }
            return items;
        }
    }
}
