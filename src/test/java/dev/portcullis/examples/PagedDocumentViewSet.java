package dev.portcullis.examples;

import dev.portcullis.domain.Document;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.ObjectPermissions;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.PageNumberPagination;
import dev.portcullis.viewsets.Pagination;
import dev.portcullis.viewsets.ReadOnlyModelViewSet;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/** The documents a user may view, read-only, in pages of two: a viewset that names its own pagination. */
@ViewSet
@Path("/api/examples/paged-documents/")
@Model(Document.MODEL)
@Permissions(ObjectPermissions.class)
public class PagedDocumentViewSet extends ReadOnlyModelViewSet<Document> {

    public PagedDocumentViewSet() {
        super(ModelSerializer.of(Document.class, readOnly("id"), chars("title")));
    }

    @Override
    protected Pagination pagination() {
        return new PageNumberPagination(2);
    }
}
