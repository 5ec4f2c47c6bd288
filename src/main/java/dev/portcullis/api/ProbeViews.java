package dev.portcullis.api;

import dev.portcullis.api.permissions.IsVerifiedAndAuthenticated;
import dev.portcullis.domain.Note;
import dev.portcullis.domain.Post;
import dev.portcullis.security.authentication.BasicAuthentication;
import dev.portcullis.security.authentication.JwtAuthentication;
import dev.portcullis.security.authentication.SessionAuthentication;
import dev.portcullis.security.authentication.TokenAuthentication;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.guard.Authentication;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.ObjectLookup;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.IsAuthenticatedOrReadOnly;
import dev.portcullis.security.permission.ModelPermissionsOrAnonReadOnly;
import dev.portcullis.viewsets.ModelViewSet;
import dev.portcullis.web.Payload;
import io.smallrye.mutiny.Uni;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Small endpoints that show the rules for configurations the reference API does not otherwise use. Each
 * answers {@code {"probe": <name>, "user": <username or null>}} when allowed.
 */
public final class ProbeViews {

    private ProbeViews() {
    }

    /** The answer of every probe. */
    abstract static class Probe {

        @jakarta.inject.Inject
        GuardContext guard;

        Map<String, Object> answer(String name) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("probe", name);
            body.put("user", guard.caller().username());
            return body;
        }
    }

    @Path("/api/probe/ping/")
    @Authentication({})
    @Permissions(AllowAny.class)
    public static class Ping extends Probe {
        /** Non-blocking, to show the guard in front of a reactive method. */
        @GET
        public Uni<Map<String, Object>> get() {
            return Uni.createFrom().item(answer("ping"));
        }
    }

    @Path("/api/probe/no-auth/")
    @Authentication({})
    @Permissions(IsAuthenticated.class)
    public static class NoAuth extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("no-auth");
        }
    }

    @Path("/api/probe/session-first/")
    @Authentication({SessionAuthentication.class, TokenAuthentication.class})
    @Permissions(IsAuthenticated.class)
    public static class SessionFirst extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("session-first");
        }
    }

    @Path("/api/probe/jwt-first/")
    @Authentication({JwtAuthentication.class, TokenAuthentication.class})
    @Permissions(IsAuthenticated.class)
    public static class JwtFirst extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("jwt-first");
        }
    }

    @Path("/api/probe/token-only/")
    @Authentication(TokenAuthentication.class)
    @Permissions(IsAuthenticated.class)
    public static class TokenOnly extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("token-only");
        }
    }

    @Path("/api/probe/basic/")
    @Authentication(BasicAuthentication.class)
    @Permissions(IsAuthenticated.class)
    public static class Basic extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("basic");
        }
    }

    @Path("/api/probe/readonly/")
    @Permissions(IsAuthenticatedOrReadOnly.class)
    public static class ReadOnly extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("readonly");
        }

        @POST
        public Map<String, Object> post() {
            return answer("readonly");
        }
    }

    @Path("/api/probe/composite/")
    @Permissions(IsVerifiedAndAuthenticated.class)
    public static class Composite extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("composite");
        }
    }

    @Path("/api/probe/not-staff/")
    @Permissions(expression = "~IsAdminUser")
    public static class NotStaff extends Probe {
        @GET
        public Map<String, Object> get() {
            return answer("not-staff");
        }
    }

    /** {@code IsAdminUser | IsOwnerOrReadOnly} on published posts; PUT and PATCH change the title. */
    @Path("/api/probe/or-posts/{id}/")
    @Permissions(expression = "IsAdminUser | IsOwnerOrReadOnly")
    public static class OrPosts extends Probe implements ObjectLookup {

        @jakarta.inject.Inject
        ObjectAccess objects;

        @Override
        public Optional<Object> lookupObject(String id, EndpointPolicy policy, AccessRequest request) {
            return PathIds.tryParse(id).flatMap(Post::findPublished);
        }

        @GET
        public Map<String, Object> get(@PathParam("id") String id) {
            objects.getObject(lookupObject(id, guard.policy(), guard.request()));
            return answer("or-posts");
        }

        @PUT
        @Transactional
        public Map<String, Object> put(@PathParam("id") String id, Payload payload) {
            return retitle(id, payload);
        }

        @PATCH
        @Transactional
        public Map<String, Object> patch(@PathParam("id") String id, Payload payload) {
            return retitle(id, payload.partial());
        }

        private Map<String, Object> retitle(String id, Payload payload) {
            Post post = (Post) objects.getObject(lookupObject(id, guard.policy(), guard.request()));
            String title = payload.text("title").maxLength(200).required();
            payload.validate();
            if (title != null) {
                post.title = title;
            }
            return answer("or-posts");
        }
    }

    /** The notes viewset under DRF's {@code DjangoModelPermissionsOrAnonReadOnly}: anyone reads, grants write. */
    @ViewSet
    @Path("/api/probe/notes-anon/")
    @Model(Note.MODEL)
    @Permissions(ModelPermissionsOrAnonReadOnly.class)
    public static class NotesAnon extends ModelViewSet<Note> {
        public NotesAnon() {
            super(NoteResource.SERIALIZER);
        }
    }
}
