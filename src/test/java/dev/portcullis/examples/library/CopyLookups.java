package dev.portcullis.examples.library;

import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.viewsets.FilterFields;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.ReadOnlyModelViewSet;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/** Every django-filter lookup on a text, a number and a relation, for {@code LookupsTest}. */
@ViewSet
@Path("/api/examples/copy-lookups/")
@Permissions(IsAuthenticated.class)
@FilterFields({"branch", "branch__iexact", "branch__contains", "branch__icontains", "branch__startswith",
        "branch__istartswith", "branch__endswith", "branch__iendswith", "branch__in", "branch__gt", "branch__isnull",
        "id__gt", "id__gte", "id__lt", "id__lte", "id__in", "book", "book__in", "book__isnull", "book__title__icontains",
        "book__author"})
public class CopyLookups extends ReadOnlyModelViewSet<Copy> {
    public CopyLookups() {
        super(ModelSerializer.of(Copy.class, readOnly("id"), related("book", Book.class), chars("branch")));
    }
}
