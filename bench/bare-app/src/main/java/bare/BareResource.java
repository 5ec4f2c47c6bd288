package bare;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Map;

/** What the service's benchmark asks of it, with nothing in between: a small JSON answer, and 20 rows. */
@Path("/bare/")
public class BareResource {

    @Inject
    EntityManager entityManager;

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
}
