package dev.portcullis.api;

import dev.portcullis.accounts.Grants;
import dev.portcullis.domain.Document;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.ListScope;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.ObjectLookup;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.ObjectPermissions;
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
 * Documents under object permissions: the list holds the documents the user may view (filtered by the
 * database), one the user may not view is a 404, and whoever creates a document may view, change and
 * delete it.
 */
@ViewSet
@Path("/api/documents/")
@Model(Document.MODEL)
@Permissions(ObjectPermissions.class)
public class DocumentResource implements ObjectLookup {

    /** What the creator of a document is granted on it. */
    static final List<String> CREATOR_PERMISSIONS = List.of("view_document", "change_document", "delete_document");

    private final GuardContext guard;
    private final ListScope lists;
    private final ObjectAccess objects;
    private final Grants grants;

    public DocumentResource(GuardContext guard, ListScope lists, ObjectAccess objects, Grants grants) {
        this.guard = guard;
        this.lists = lists;
        this.objects = objects;
        this.grants = grants;
    }

    @Override
    public Optional<Object> lookupObject(String id, Caller caller) {
        // A lambda, not a method reference: a reference would reach Panache's unenhanced base method.
        return PathIds.tryParse(id).flatMap(pk -> Document.findByIdOptional(pk));
    }

    @GET
    public List<Document.Row> list() {
        return lists.list(Document.LIST, Document.Row.class, QueryRestriction.NONE, "o.id");
    }

    @POST
    @Transactional
    @ResponseStatus(201)
    public Document.Row create(Payload payload) {
        Document document = new Document();
        apply(document, payload);
        document.createdBy = guard.caller().id();
        document.persist();
        Grants.Grantee creator = Grants.Grantee.user(guard.caller().id());
        CREATOR_PERMISSIONS.forEach(codename ->
                grants.grant(creator, new Grants.Grant(codename, Document.MODEL, document.id)));
        return document.row();
    }

    @GET
    @Path("{id}/")
    public Document.Row retrieve(@PathParam("id") String id) {
        return getObject(id).row();
    }

    @PUT
    @Path("{id}/")
    @Transactional
    public Document.Row update(@PathParam("id") String id, Payload payload) {
        Document document = getObject(id);
        apply(document, payload);
        return document.row();
    }

    @PATCH
    @Path("{id}/")
    @Transactional
    public Document.Row partialUpdate(@PathParam("id") String id, Payload payload) {
        Document document = getObject(id);
        apply(document, payload.partial());
        return document.row();
    }

    @DELETE
    @Path("{id}/")
    @Transactional
    @ResponseStatus(204)
    public void destroy(@PathParam("id") String id) {
        Document document = getObject(id);
        grants.revokeAllOn(Document.MODEL, document.id);
        document.delete();
    }

    private Document getObject(String id) {
        return objects.getObject(Document.<Document>findByIdOptional(PathIds.parse(id)));
    }

    /** The document serializer's writable fields; an absent optional field keeps its current value. */
    private static void apply(Document document, Payload payload) {
        String title = payload.text("title").maxLength(200).required();
        String content = payload.text("content").allowBlank().keepWhitespace().optional(document.content);
        payload.validate();
        if (title != null) {
            document.title = title;
        }
        if (content != null) {
            document.content = content;
        }
    }
}
