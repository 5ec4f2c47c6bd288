package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import dev.portcullis.accounts.Grants;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.api.permissions.IsSuperuser;
import dev.portcullis.web.Payload;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Granting and revoking permissions over HTTP, for staff only: a model permission ({@code add_note}) or, with
 * {@code object_type} and {@code object_id}, a permission on one object, to a user ({@code username}) or to a
 * group ({@code group}). Both are idempotent.
 */
@Path("/api/admin/grants/")
@Permissions(IsSuperuser.class)
public class GrantResource {

    private final Grants grants;

    public GrantResource(Grants grants) {
        this.grants = grants;
    }

    @POST
    @Transactional
    @ResponseStatus(201)
    public GrantRequest.GrantView grant(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.Grant.class)))
            Payload payload) {
        GrantRequest request = GrantRequest.of(payload);
        grants.grant(request.grantee(), request.grant());
        return request.view();
    }

    @DELETE
    @Transactional
    @ResponseStatus(204)
    public void revoke(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.Grant.class)))
            Payload payload) {
        GrantRequest request = GrantRequest.of(payload);
        grants.revoke(request.grantee(), request.grant());
    }
}
