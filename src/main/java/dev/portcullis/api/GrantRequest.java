package dev.portcullis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portcullis.accounts.Grants;
import dev.portcullis.accounts.User;
import dev.portcullis.accounts.UserGroup;
import dev.portcullis.domain.Models;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.web.Payload;

/**
 * A grant as an administrator asks for it, over HTTP or from the command line: {@code username} or
 * {@code group}, {@code permission}, and for an object {@code object_type} and {@code object_id}.
 */
public record GrantRequest(Grants.Grantee grantee, Grants.Grant grant, GrantView view) {

    /** A grant as the API shows it; absent parts are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String username, String group, String permission, String objectType, Long objectId) {
    }

    /** The body, with DRF's field messages for what is missing, unknown or inconsistent. */
    public static GrantRequest of(Payload payload) {
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
        return new GrantRequest(grantee, new Grants.Grant(permission, objectType, objectId),
                new GrantView(username, groupName, permission, objectType, objectId));
    }
}
