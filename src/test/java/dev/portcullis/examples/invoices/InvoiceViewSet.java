package dev.portcullis.examples.invoices;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.guard.Action;
import dev.portcullis.security.guard.GetPermissions;
import dev.portcullis.security.guard.PermissionClasses;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.IsAdminUser;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.ModelViewSet;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.Map;

import static dev.portcullis.viewsets.Fields.*;

@ViewSet
@Path("/api/invoices/")
public class InvoiceViewSet extends ModelViewSet<Invoice> implements GetPermissions {

    public InvoiceViewSet() {
        super(ModelSerializer.of(Invoice.class, readOnly("id"), chars("number").maxLength(20),
                decimal("amount", 10, 2), bool("paid").readOnly(), currentUser("owner"), readOnly("created_at")));
    }

    @Override
    public List<Permission> getPermissions(String action) {
        return switch (action) {
            case "list", "retrieve", "create" -> PermissionClasses.of(IsAuthenticated.class);
            case "update", "partial_update", "pay" -> PermissionClasses.of(IsAuthenticated.class, IsUnpaidOwner.class);
            case "destroy" -> PermissionClasses.of(IsAdminUser.class);
            default -> null;
        };
    }

    /** Staff see every invoice; anyone else their own. */
    @Override
    protected QueryRestriction getQueryset(Caller caller) {
        return caller.staff() ? QueryRestriction.NONE : QueryRestriction.of("o.owner.id = :me", Map.of("me", caller.id()));
    }

    @POST
    @Path("{id}/pay/")
    @Action("pay")
    public Object pay(@PathParam("id") String id) {
        Invoice invoice = getObject(id);
        invoice.paid = true;
        return represent(invoice);
    }
}
