package dev.portcullis.api;

import dev.portcullis.domain.Note;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.ModelPermissions;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.ModelViewSet;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/** Shared notes under model permissions: {@code add_note} to create, {@code change_note} to edit, and so on. */
@ViewSet
@Path("/api/notes/")
@Model(Note.MODEL)
@Permissions(ModelPermissions.class)
public class NoteResource extends ModelViewSet<Note> {

    /** A note is its text, without a length limit (Django's {@code TextField}). */
    static final ModelSerializer<Note> SERIALIZER = ModelSerializer.of(Note.class, readOnly("id"), chars("text"));

    public NoteResource() {
        super(SERIALIZER);
    }
}
