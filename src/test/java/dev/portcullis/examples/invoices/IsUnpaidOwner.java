package dev.portcullis.examples.invoices;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.permission.NonBlocking;
import dev.portcullis.security.permission.ObjectPermission;
import jakarta.inject.Singleton;

/** Only the owner of an invoice acts on it, and only while it is unpaid. */
@Singleton
public class IsUnpaidOwner implements ObjectPermission, NonBlocking {
    @Override
    public boolean hasObjectPermission(AccessRequest request, Object invoice) {
        return invoice instanceof Invoice i && i.isOwnedBy(request.user()) && !i.paid;
    }
}
