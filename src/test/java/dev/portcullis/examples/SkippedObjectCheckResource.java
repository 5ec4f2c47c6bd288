package dev.portcullis.examples;

import dev.portcullis.domain.Post;
import dev.portcullis.security.guard.NoObject;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.Permissions;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.Map;

/**
 * The invoice mistake the guard must catch: a detail endpoint under an object-level class that reads its object
 * with {@code findById} instead of {@code ObjectAccess.getObject(...)}, so the ownership check never runs.
 */
@Path("/api/examples/unchecked-posts/{id}/")
@Permissions(expression = "IsAuthenticated & IsAdminOrOwner")
public class SkippedObjectCheckResource {

    @Inject
    ObjectAccess objects;

    /** Reads the post without the object helper. */
    @GET
    public Map<String, Object> read(@PathParam("id") long id) {
        Post post = Post.findById(id);
        return Map.of("title", post.title);
    }

    /** Writes the post without the object helper. */
    @PATCH
    @Transactional
    public Map<String, Object> rename(@PathParam("id") long id) {
        Post post = Post.findById(id);
        post.title = "renamed by someone else";
        return Map.of("title", post.title);
    }

    /** Checks its object, then changes it without a transaction: nothing would be saved. */
    @PUT
    @Path("unsaved/")
    public Map<String, Object> renameUnsaved(@PathParam("id") long id) {
        Post post = objects.getObject(java.util.Optional.ofNullable(Post.<Post>findById(id)));
        post.title = "renamed but never saved";
        return Map.of("title", post.title);
    }

    /** The right way: the object through the helper, so the check runs. */
    @GET
    @Path("checked/")
    public Map<String, Object> readChecked(@PathParam("id") long id) {
        Post post = objects.getObject(java.util.Optional.ofNullable(Post.<Post>findById(id)));
        return Map.of("title", post.title);
    }

    /** Declared to act on no object. */
    @GET
    @Path("count/")
    @NoObject
    public Map<String, Object> count(@PathParam("id") long id) {
        return Map.of("posts", Post.count());
    }
}
