package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the sign-in endpoints read and answer, as the OpenAPI document describes them (the endpoints read each field
 * from the body themselves, with DRF's messages), so that a generated client knows the fields.
 */
final class AuthBodies {

    private AuthBodies() {
    }

    @Schema(name = "Credentials")
    record Credentials(@Schema(required = true) String username, @Schema(required = true) String password) {
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
}
