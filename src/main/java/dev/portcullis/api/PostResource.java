package dev.portcullis.api;

import dev.portcullis.accounts.User;
import dev.portcullis.api.permissions.IsAdminOrOwner;
import dev.portcullis.api.permissions.IsOwnerOrReadOnly;
import dev.portcullis.domain.Post;
import dev.portcullis.security.guard.Action;
import dev.portcullis.security.guard.GetPermissions;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.ListScope;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.ObjectLookup;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.web.Payload;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.Optional;

/**
 * The guide's {@code PostViewSet}: public reads, authenticated writes, owners edit, staff or owners delete.
 * Drafts are visible to their owner only; to anyone else they do not exist (404).
 */
@ViewSet
@Path("/api/posts/")
public class PostResource implements GetPermissions, ObjectLookup {

    private final GuardContext guard;
    private final ObjectAccess objects;
    private final ListScope lists;
    private final List<Permission> readOnly;
    private final List<Permission> authenticated;
    private final List<Permission> ownerWrites;
    private final List<Permission> ownerOrStaffDeletes;

    public PostResource(GuardContext guard, ObjectAccess objects, ListScope lists, AllowAny allowAny, IsAuthenticated isAuthenticated,
                        IsOwnerOrReadOnly isOwnerOrReadOnly, IsAdminOrOwner isAdminOrOwner) {
        this.guard = guard;
        this.objects = objects;
        this.lists = lists;
        this.readOnly = List.of(allowAny);
        this.authenticated = List.of(isAuthenticated);
        this.ownerWrites = List.of(isAuthenticated, isOwnerOrReadOnly);
        this.ownerOrStaffDeletes = List.of(isAuthenticated, isAdminOrOwner);
    }

    @Override
    public List<Permission> getPermissions(String action) {
        return switch (action) {
            case "list", "retrieve" -> readOnly;
            case "create" -> authenticated;
            case "update", "partial_update", "publish" -> ownerWrites;
            case "destroy" -> ownerOrStaffDeletes;
            // Asked only for the actions this resource serves: any other name is a mistake start-up should show.
            default -> throw new IllegalArgumentException("no permissions for action '" + action + "'");
        };
    }

    @Override
    public Optional<Object> lookupObject(String id, Caller caller) {
        return PathIds.tryParse(id).flatMap(pk -> Post.findVisible(pk, caller));
    }

    @GET
    public List<PostView> list() {
        return lists.list(Post.LIST, Post.Row.class, Post.visibleTo(guard.caller()), "o.id").stream()
                .map(PostView::of).toList();
    }

    @POST
    @Transactional
    @ResponseStatus(201)
    public PostView create(Payload payload) {
        Post post = new Post();
        apply(post, payload);
        // A reference, not a load: the owner is the caller, whose username the guard already knows.
        post.owner = User.getEntityManager().getReference(User.class, guard.caller().id());
        post.persist();
        return PostView.of(post, guard.caller().username());
    }

    @GET
    @Path("{id}/")
    public PostView retrieve(@PathParam("id") String id) {
        return PostView.of(getObject(id));
    }

    @PUT
    @Path("{id}/")
    @Transactional
    public PostView update(@PathParam("id") String id, Payload payload) {
        Post post = getObject(id);
        apply(post, payload);
        return PostView.of(post);
    }

    @PATCH
    @Path("{id}/")
    @Transactional
    public PostView partialUpdate(@PathParam("id") String id, Payload payload) {
        Post post = getObject(id);
        apply(post, payload.partial());
        return PostView.of(post);
    }

    @DELETE
    @Path("{id}/")
    @Transactional
    @ResponseStatus(204)
    public void destroy(@PathParam("id") String id) {
        getObject(id).delete();
    }

    @POST
    @Path("{id}/publish/")
    @Action("publish")
    @Transactional
    public PostView publish(@PathParam("id") String id) {
        Post post = getObject(id);
        post.published = true;
        return PostView.of(post);
    }

    private Post getObject(String id) {
        return objects.getObject(Post.findVisible(PathIds.parse(id), guard.caller()));
    }

    /**
     * The post serializer's writable fields; {@code owner} and {@code created_at} are read-only. An absent
     * optional field keeps the post's current value (a new post's defaults on create).
     */
    private static void apply(Post post, Payload payload) {
        String title = payload.text("title").maxLength(200).required();
        String body = payload.text("body").allowBlank().keepWhitespace().optional(post.body);
        Boolean published = payload.bool("published").optional(post.published);
        payload.validate();
        if (title != null) {
            post.title = title;
        }
        if (body != null) {
            post.body = body;
        }
        if (published != null) {
            post.published = published;
        }
    }
}
