package dev.portcullis.api;

import dev.portcullis.domain.Note;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.guard.ListScope;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.ObjectLookup;
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
 * The notes viewset's actions (list, create, retrieve, update, partial_update, destroy of {@code {"id", "text"}}),
 * whatever the permissions a subclass declares.
 */
public abstract class NotesViewSet implements ObjectLookup {

    private final ListScope lists;
    private final ObjectAccess objects;

    protected NotesViewSet(ListScope lists, ObjectAccess objects) {
        this.lists = lists;
        this.objects = objects;
    }

    @Override
    public Optional<Object> lookupObject(String id, Caller caller) {
        // A lambda, not a method reference: a reference would reach Panache's unenhanced base method.
        return PathIds.tryParse(id).flatMap(pk -> Note.findByIdOptional(pk));
    }

    @GET
    public List<Note.Row> list() {
        return lists.list(Note.LIST, Note.Row.class, QueryRestriction.NONE, "o.id");
    }

    @POST
    @Transactional
    @ResponseStatus(201)
    public Note.Row create(Payload payload) {
        Note note = new Note();
        note.text = text(payload);
        note.persist();
        return note.row();
    }

    @GET
    @Path("{id}/")
    public Note.Row retrieve(@PathParam("id") String id) {
        return getObject(id).row();
    }

    @PUT
    @Path("{id}/")
    @Transactional
    public Note.Row update(@PathParam("id") String id, Payload payload) {
        Note note = getObject(id);
        note.text = text(payload);
        return note.row();
    }

    @PATCH
    @Path("{id}/")
    @Transactional
    public Note.Row partialUpdate(@PathParam("id") String id, Payload payload) {
        Note note = getObject(id);
        String text = text(payload.partial());
        if (text != null) {
            note.text = text;
        }
        return note.row();
    }

    @DELETE
    @Path("{id}/")
    @Transactional
    @ResponseStatus(204)
    public void destroy(@PathParam("id") String id) {
        getObject(id).delete();
    }

    private Note getObject(String id) {
        return objects.getObject(Note.<Note>findByIdOptional(PathIds.parse(id)));
    }

    /** The note serializer's one field: a {@code TextField}, so no length limit. */
    private static String text(Payload payload) {
        String text = payload.text("text").required();
        payload.validate();
        return text;
    }
}
