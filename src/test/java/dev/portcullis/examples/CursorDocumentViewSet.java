package dev.portcullis.examples;

import dev.portcullis.domain.Document;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.ObjectPermissions;
import dev.portcullis.viewsets.CursorPagination;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.Pagination;
import dev.portcullis.viewsets.ReadOnlyModelViewSet;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/** The documents a user may view, by title from Z to A, two a page behind cursors. */
@ViewSet
@Path("/api/examples/cursor-documents/")
@Model(Document.MODEL)
@Permissions(ObjectPermissions.class)
public class CursorDocumentViewSet extends ReadOnlyModelViewSet<Document> {

    public CursorDocumentViewSet() {
        super(ModelSerializer.of(Document.class, readOnly("id"), chars("title")));
    }

    @Override
    protected Pagination pagination() {
        return new CursorPagination(2, "-title");
    }
}
