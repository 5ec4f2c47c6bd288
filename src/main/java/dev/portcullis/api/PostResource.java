package dev.portcullis.api;

import dev.portcullis.api.permissions.IsAdminOrOwner;
import dev.portcullis.api.permissions.IsOwnerOrReadOnly;
import dev.portcullis.domain.Post;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.guard.Action;
import dev.portcullis.security.guard.GetPermissions;
import dev.portcullis.security.guard.PermissionClasses;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.viewsets.Filter;
import dev.portcullis.viewsets.FilterFields;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.OrderingFields;
import dev.portcullis.viewsets.SearchFields;
import dev.portcullis.viewsets.ModelViewSet;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import static dev.portcullis.viewsets.Fields.*;

/**
 * The guide's {@code PostViewSet}: public reads, authenticated writes, owners edit, staff or owners delete; filtered
 * by publication, owner and date, searched by title and body, ordered by id, title or date.
 */
@ViewSet
@Path("/api/posts/")
@FilterFields("published")
@Filter(name = "owner", field = "owner__username")
@Filter(name = "created_after", field = "created_at", lookup = "gte")
@Filter(name = "created_before", field = "created_at", lookup = "lt")
@SearchFields({"title", "body"})
@OrderingFields(value = {"id", "title", "created_at"}, byDefault = "id")
public class PostResource extends ModelViewSet<Post> implements GetPermissions {

    public PostResource() {
        super(ModelSerializer.of(Post.class, readOnly("id"), chars("title").maxLength(200),
                chars("body").allowBlank().keepWhitespace().optional(), bool("published").optional(),
                currentUser("owner"), readOnly("created_at")));
    }

    @Override
    public List<Permission> getPermissions(String action) {
        return switch (action) {
            case "list", "retrieve" -> PermissionClasses.of(AllowAny.class);
            case "create" -> PermissionClasses.of(IsAuthenticated.class);
            case "update", "partial_update", "publish" -> PermissionClasses.of(IsAuthenticated.class, IsOwnerOrReadOnly.class);
            case "destroy" -> PermissionClasses.of(IsAuthenticated.class, IsAdminOrOwner.class);
            default -> null;  // an action not named here stops start-up
        };
    }

    /** Published posts, and the caller's own drafts: others' drafts do not exist for them (404). */
    @Override
    protected QueryRestriction getQueryset(Caller caller) {
        return Post.visibleTo(caller);
    }

    @POST
    @Path("{id}/publish/")
    @Action("publish")
    public Object publish(@PathParam("id") String id) {
        Post post = getObject(id);
        post.published = true;
        return represent(post);
    }
}
