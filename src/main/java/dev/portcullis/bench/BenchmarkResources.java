package dev.portcullis.bench;

import dev.portcullis.database.DirectConnections;
import dev.portcullis.domain.Post;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.authentication.IntrospectionAuthentication;
import dev.portcullis.security.authentication.OidcAuthentication;
import dev.portcullis.security.guard.Authentication;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.Unguarded;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.viewsets.DateTimeField;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comparison points for the benchmark, built only with {@code -Dquarkus.profile=bench}: the same JSON as
 * {@code /api/private/} without the guard, and behind Quarkus's own smallrye-jwt mechanism.
 */
public final class BenchmarkResources {

    private BenchmarkResources() {
    }

    /** The same answer as {@code /api/private/}, with no guard at all: the baseline. */
    @IfBuildProfile(Unguarded.PROFILE)
    @Unguarded
    @Path("/bench/baseline/")
    public static class Baseline {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }

    /** What a Quarkus user would write without Portcullis: {@code @Authenticated} and smallrye-jwt's mechanism. */
    @IfBuildProfile(Unguarded.PROFILE)
    @Unguarded
    @Authenticated
    @Path("/bench/quarkus-jwt/")
    public static class QuarkusJwt {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }

    /**
     * {@code /api/private/}'s answer for the access tokens of an identity provider (the benchmark runs one on the
     * loopback): its JWTs verified by its keys, its opaque tokens introspected — each cached once verified.
     */
    @IfBuildProfile(Unguarded.PROFILE)
    @Path("/bench/provider-private/")
    @Authentication({OidcAuthentication.class, IntrospectionAuthentication.class})
    @Permissions(IsAuthenticated.class)
    public static class ProviderPrivate {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }

    /**
     * The anonymous post list's own bytes, handed over once by the benchmark and then answered from memory: what
     * serving that much JSON costs here without the database, the entities or the serializer — the floor under
     * the list scenarios.
     */
    @IfBuildProfile(Unguarded.PROFILE)
    @Unguarded
    @Path("/bench/posts-from-memory/")
    public static class PostsFromMemory {

        private volatile byte[] body;

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        public void keep(byte[] list) {
            body = list;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public byte[] get() {
            if (body == null) {
                throw new NotFoundException();
            }
            return body;
        }
    }

    /**
     * {@code GET /api/posts/{id}/} as it was written by hand before the generic viewset — its own JPQL with the
     * owner joined, its own JSON — under the same guard and policy: the comparison point for the viewset's retrieve.
     */
    @IfBuildProfile(Unguarded.PROFILE)
    @Path("/bench/hand-written-posts/{id}/")
    @Permissions(AllowAny.class)
    public static class HandWrittenPost {

        @Inject
        ObjectAccess objects;

        @Inject
        GuardContext guard;

        @Inject
        EntityManager entityManager;

        @GET
        public Map<String, Object> retrieve(@PathParam("id") long id) {
            QueryRestriction visible = Post.visibleTo(guard.caller());
            Post post = objects.getObject(visible.bind(entityManager.createQuery("select o from Post o join fetch "
                    + "o.owner where o.id = :id and (" + visible.jpql() + ")", Post.class).setParameter("id", id))
                    .getResultStream().findFirst());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", post.id);
            json.put("title", post.title);
            json.put("body", post.body);
            json.put("published", post.published);
            json.put("owner", post.owner.username);
            json.put("created_at", DateTimeField.isoFormat(post.createdAt));
            return json;
        }
    }

    /**
     * The object-permission scenario: seeds documents with SQL (100,000 through the API would take minutes), and
     * lists the first ones with no permission restriction, the comparison point for {@code GET /api/documents/}.
     */
    @IfBuildProfile(Unguarded.PROFILE)
    @Unguarded
    @Path("/bench/documents/")
    public static class Documents {

        @Inject
        EntityManager entityManager;

        @Inject
        SessionFactory sessions;

        @Inject
        DirectConnections connections;

        private static final long SEED_BATCH = 100_000;

        /**
         * {@code count} new documents; {@code user} is granted view on every {@code every}-th one, and a crowd of
         * other users (the bench-crowd group's members) on the rest, so that the grant table is not only the
         * user's. A hundred thousand documents and their grants take longer than the pool's socket timeout allows a
         * statement: the seed runs on a connection of its own without one. A million are seeded by ten requests,
         * each under the HTTP idle timeout; {@link #vacuum} follows.
         */
        @POST
        @Path("seed/")
        public Map<String, Long> seed(@QueryParam("count") long count, @QueryParam("user") String user,
                                     @QueryParam("every") long every) throws SQLException {
            long granted = 0;
            try (Connection connection = connections.open()) {
                connection.setNetworkTimeout(Runnable::run, 0);
                execute(connection, "INSERT INTO users (username, password_hash) SELECT 'bench-crowd-' || g, '!' "
                        + "FROM generate_series(1, 100) g ON CONFLICT DO NOTHING");
                for (long done = 0; done < count; done += SEED_BATCH) {
                    long first = nextDocumentId(connection);
                    execute(connection, "INSERT INTO documents (title, content) SELECT 'Document ' || g, "
                            + "repeat('Lorem ipsum ', 8) FROM generate_series(1, " + Math.min(SEED_BATCH, count - done) + ") g");
                    execute(connection, "INSERT INTO object_grants (user_id, model, codename, object_id) "
                            + "SELECT u.id, 'document', c, d.id FROM documents d JOIN users u ON u.username = "
                            + "'bench-crowd-' || (d.id % 100 + 1) CROSS JOIN (VALUES ('view_document'), "
                            + "('change_document')) AS codenames(c) WHERE d.id >= " + first + " AND d.id % " + every + " <> 0");
                    try (PreparedStatement mine = connection.prepareStatement("INSERT INTO object_grants (user_id, model, "
                            + "codename, object_id) SELECT u.id, 'document', 'view_document', d.id FROM documents d, users u "
                            + "WHERE u.username = ? AND d.id >= ? AND d.id % ? = 0")) {
                        mine.setString(1, user);
                        mine.setLong(2, first);
                        mine.setLong(3, every);
                        granted += mine.executeUpdate();
                    }
                }
            }
            return Map.of("documents", count, "granted", granted);
        }

        /** After seeding: now, rather than by autovacuum in the middle of a measured scenario. */
        @POST
        @Path("vacuum/")
        public void vacuum() throws SQLException {
            try (Connection connection = connections.open()) {
                connection.setNetworkTimeout(Runnable::run, 0);
                execute(connection, "VACUUM ANALYZE");
            }
        }

        private static long nextDocumentId(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet last = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM documents")) {
                last.next();
                return last.getLong(1);
            }
        }

        private static void execute(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @GET
        @Transactional
        public List<DocumentRow> firstDocuments(@QueryParam("limit") int limit) {
            return entityManager.createQuery("select new " + DocumentRow.class.getName()
                    + "(o.id, o.title, o.content) from Document o order by o.id", DocumentRow.class)
                    .setMaxResults(limit).getResultList();
        }

        /** A document as the API shows it, read without the viewset: the baseline of the documents list. */
        public record DocumentRow(long id, String title, String content) {
        }

        /** Deletes a user's drafts: what the POST scenario wrote, so that the lists of the next round do not grow. */
        @DELETE
        @Path("drafts/")
        @Transactional
        public Map<String, Integer> deleteDrafts(@QueryParam("user") String user) {
            return Map.of("deleted", entityManager.createQuery("delete from Post p where p.published = false and "
                    + "p.owner.id = (select u.id from User u where u.username = :user)").setParameter("user", user)
                    .executeUpdate());
        }

        /**
         * Starts counting statements from zero. Hibernate's statistics are off until then, so that the measured
         * scenarios do not pay for them.
         */
        @POST
        @Path("statements/")
        public Map<String, Long> countStatements() {
            sessions.getStatistics().clear();
            sessions.getStatistics().setStatisticsEnabled(true);
            return statements();
        }

        /** Hibernate's count of prepared statements since counting started. */
        @GET
        @Path("statements/")
        public Map<String, Long> statements() {
            return Map.of("prepared", sessions.getStatistics().getPrepareStatementCount());
        }

        void statisticsOff(@Observes StartupEvent event) {
            sessions.getStatistics().setStatisticsEnabled(false);
        }
    }
}
