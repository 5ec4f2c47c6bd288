package dev.portcullis.examples.library;

import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.viewsets.FilterFields;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.ReadOnlyModelViewSet;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/**
 * Every loan of a branch, for every signed-in user, with its member nested twice: as the members' viewset would let
 * the caller see it, and whoever asks — for {@code NestedFieldsTest}.
 */
@ViewSet
@Path("/api/examples/loan-board/")
@Permissions(IsAuthenticated.class)
@FilterFields("member__branch")
public class LoanBoard extends ReadOnlyModelViewSet<Loan> {
    public LoanBoard() {
        super(ModelSerializer.of(Loan.class, readOnly("id"), nested("member", Member.class),
                nested("any_member", Member.class).source("member").anyObject(), date("due")));
    }
}
