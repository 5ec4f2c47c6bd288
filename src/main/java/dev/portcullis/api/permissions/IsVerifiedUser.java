package dev.portcullis.api.permissions;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.permission.NonBlocking;
import dev.portcullis.security.permission.Permission;
import jakarta.inject.Singleton;

/** Only users whose e-mail address is verified (the guide's {@code IsVerifiedUser}, with its message). */
@Singleton
public class IsVerifiedUser implements Permission, NonBlocking {

    public static final String EMAIL_VERIFIED = "email_verified";

    @Override
    public boolean hasPermission(AccessRequest request) {
        return request.user().authenticated() && request.user().flag(EMAIL_VERIFIED);
    }

    @Override
    public String message() {
        return "Please verify your email address before accessing this resource.";
    }

    @Override
    public String hint(AccessRequest request, Object object) {
        return request.user().authenticated()
                ? "the e-mail address of user '" + request.user().username() + "' is not verified (email_verified is false)"
                : "the request is anonymous; only users with a verified e-mail address may do this";
    }
}
