package dev.portcullis.api;

import dev.portcullis.domain.Note;
import dev.portcullis.security.guard.ListScope;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.ModelPermissions;
import jakarta.ws.rs.Path;

/**
 * Shared notes under model permissions: {@code add_note} to create, {@code change_note} to edit, and so on. The
 * actions live in {@link NotesViewSet}, which {@code /api/probe/notes-anon/} serves under other permissions.
 */
@ViewSet
@Path("/api/notes/")
@Model(Note.MODEL)
@Permissions(ModelPermissions.class)
public class NoteResource extends NotesViewSet {

    public NoteResource(ListScope lists, ObjectAccess objects) {
        super(lists, objects);
    }
}
