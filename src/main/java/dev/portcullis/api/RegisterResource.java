package dev.portcullis.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.PasswordRules;
import dev.portcullis.accounts.User;
import dev.portcullis.security.guard.Authentication;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ThrottleScope;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.web.Payload;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Sign-up: no authentication at all, anyone may register — at the rate of the {@code register} scope
 * ({@code portcullis.throttle.rates.register}, set in production), by client address.
 */
@Path("/api/register/")
@Authentication({})
@Permissions(AllowAny.class)
@ThrottleScope("register")
public class RegisterResource {

    /** The public face of a new account. */
    public record Registered(long id, String username, String email) {
        static Registered of(User user) {
            return new Registered(user.id, user.username, user.email);
        }
    }

    private final Accounts accounts;
    private final PasswordRules passwordRules;

    public RegisterResource(Accounts accounts, PasswordRules passwordRules) {
        this.accounts = accounts;
        this.passwordRules = passwordRules;
    }

    @POST
    @ResponseStatus(201)
    public Registered register(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.Registration.class)))
            Payload payload) {
        String username = UserFields.username(payload).required();
        String email = UserFields.email(payload).optional("");
        String password = UserFields.password(payload).required();
        UserFields.validatePassword(payload, passwordRules, password, username, email);
        payload.validate();
        return Registered.of(accounts.create(Accounts.NewUser.regular(username, password, email)));
    }
}
