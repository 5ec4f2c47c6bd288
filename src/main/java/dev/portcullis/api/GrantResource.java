package dev.portcullis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portcullis.accounts.Grants;
import dev.portcullis.accounts.User;
import dev.portcullis.accounts.UserGroup;
import dev.portcullis.domain.Models;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.IsAdminUser;
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
@Permissions(IsAdminUser.class)
public class GrantResource {

    /** A grant as the API shows it; absent parts are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String username, String group, String permission, String objectType, Long objectId) {
    }

    private final Grants grants;

    public GrantResource(Grants grants) {
        this.grants = grants;
    }

    @POST
    @Transactional
    @ResponseStatus(201)
    public GrantView grant(Payload payload) {
        Parsed parsed = parse(payload);
        grants.grant(parsed.grantee(), parsed.grant());
        return parsed.view();
    }

    @DELETE
    @Transactional
    @ResponseStatus(204)
    public void revoke(Payload payload) {
        Parsed parsed = parse(payload);
        grants.revoke(parsed.grantee(), parsed.grant());
    }

    private record Parsed(Grants.Grantee grantee, Grants.Grant grant, GrantView view) {
    }

    /** The body, with DRF's field messages for what is missing, unknown or inconsistent. */
    private static Parsed parse(Payload payload) {
        String username = payload.text("username").optional(null);
        String groupName = payload.text("group").optional(null);
        String permission = payload.text("permission").required();
        String objectType = payload.text("object_type").optional(null);
        Long objectId = payload.primaryKey("object_id").optional();
        if (!payload.has("username") && !payload.has("group")) {
            payload.error(ValidationError.NON_FIELD_ERRORS, "Either \"username\" or \"group\" is required.");
        } else if (payload.has("username") && payload.has("group")) {
            payload.error(ValidationError.NON_FIELD_ERRORS, "Give \"username\" or \"group\", not both.");
        }
        if (payload.has("object_type") != payload.has("object_id")) {
            payload.error(payload.has("object_type") ? "object_id" : "object_type", Payload.REQUIRED);
        }
        if (permission != null) {
            String model = Models.modelOf(permission);
            if (model == null) {
                payload.error("permission", "Object with codename=" + permission + " does not exist.");
            } else if (objectType != null && !objectType.equals(model)) {
                payload.error("permission", "\"" + permission + "\" is not a permission of " + objectType + ".");
            }
        }
        if (objectType != null && !Models.names().contains(objectType)) {
            payload.error("object_type", "\"" + objectType + "\" is not a valid choice.");
        } else if (objectType != null && objectId != null && !Models.exists(objectType, objectId)) {
            payload.error("object_id", "Invalid pk \"" + objectId + "\" - object does not exist.");
        }
        Grants.Grantee grantee = null;
        if (username != null) {
            grantee = User.findByUsername(username).map(user -> Grants.Grantee.user(user.id)).orElse(null);
            if (grantee == null) {
                payload.error("username", "Object with username=" + username + " does not exist.");
            }
        } else if (groupName != null) {
            grantee = UserGroup.findByName(groupName).map(Grants.Grantee::group).orElse(null);
            if (grantee == null) {
                payload.error("group", "Object with name=" + groupName + " does not exist.");
            }
        }
        payload.validate();
        return new Parsed(grantee, new Grants.Grant(permission, objectType, objectId),
                new GrantView(username, groupName, permission, objectType, objectId));
    }
}
