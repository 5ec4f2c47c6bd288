package dev.portcullis.api;

import dev.portcullis.domain.Document;
import dev.portcullis.security.guard.Model;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.ObjectPermissions;
import dev.portcullis.viewsets.CreatorGrants;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.ModelViewSet;
import dev.portcullis.viewsets.OrderingFields;
import dev.portcullis.viewsets.SearchFields;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/**
 * Documents under object permissions: seen and changed by those granted it; the creator is granted all. Searched
 * and ordered by title.
 */
@ViewSet
@Path("/api/documents/")
@Model(Document.MODEL)
@Permissions(ObjectPermissions.class)
@CreatorGrants({"view", "change", "delete"})
@SearchFields("title")
@OrderingFields(value = {"id", "title"}, byDefault = "id")
public class DocumentResource extends ModelViewSet<Document> {

    public DocumentResource() {
        super(ModelSerializer.of(Document.class, readOnly("id"), chars("title").maxLength(200),
                chars("content").allowBlank().keepWhitespace().optional()));
    }

    @Override
    protected void performCreate(Document document) {
        document.createdBy = caller().id();
    }
}
