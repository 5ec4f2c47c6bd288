package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the hand-written endpoints (sign-in and administration) read and answer, as the OpenAPI document describes
 * them (the endpoints read each field from the body themselves, with DRF's messages), so that a generated client
 * knows the fields.
 */
final class AuthBodies {

    private AuthBodies() {
    }

    @Schema(name = "Credentials")
    record Credentials(@Schema(required = true) String username, @Schema(required = true) String password,
                       @Schema(maxLength = 100, description = "What this sign-in is called among the user's devices; "
                               + "default: the request's User-Agent") String device) {
    }

    @Schema(name = "Registration")
    record Registration(@Schema(required = true, maxLength = 150) String username, @Schema(required = true) String password,
                        @Schema(format = "email") String email) {
    }

    @Schema(name = "AuthToken")
    record AuthToken(@Schema(required = true) String token) {
    }

    @Schema(name = "RefreshToken")
    record RefreshToken(@Schema(required = true) String refresh) {
    }

    @Schema(name = "TokenToVerify")
    record TokenToVerify(@Schema(required = true) String token) {
    }

    @Schema(name = "NewUser")
    record NewUser(@Schema(required = true, maxLength = 150) String username, @Schema(required = true) String password,
                   @Schema(format = "email") String email, Boolean isStaff, Boolean isSuperuser, Boolean emailVerified,
                   Boolean isActive) {
    }

    @Schema(name = "UserChange", description = "Only the fields sent are changed.")
    record UserChange(@Schema(maxLength = 150) String username, String password, @Schema(format = "email") String email,
                      Boolean isStaff, Boolean isSuperuser, Boolean emailVerified, Boolean isActive) {
    }

    @Schema(name = "Grant", description = "A permission for a user or a group (one of them), on every object of its "
            + "model or, with object_type and object_id, on one.")
    record Grant(String username, String group, @Schema(required = true) String permission, String objectType,
                 Long objectId) {
    }

    @Schema(name = "NewGroup")
    record NewGroup(@Schema(required = true, maxLength = 150) String name) {
    }

    @Schema(name = "GroupMember")
    record GroupMember(@Schema(required = true) String username) {
    }

    @Schema(name = "ExplainRequest", description = "Would this user (anonymous without one) be allowed this method "
            + "on this path (and object)?")
    record ExplainRequest(String username, @Schema(required = true, maxLength = 10) String method,
                          @Schema(required = true, maxLength = 2000) String path, String objectId) {
    }
}
