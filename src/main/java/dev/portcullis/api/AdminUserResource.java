package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.Devices;
import dev.portcullis.security.guard.GuardContext;
import jakarta.ws.rs.GET;
import java.util.List;
import dev.portcullis.accounts.AuthChanges;
import dev.portcullis.accounts.PasswordRules;
import dev.portcullis.accounts.Tokens;
import dev.portcullis.accounts.User;
import dev.portcullis.api.permissions.AccountChange;
import dev.portcullis.api.permissions.AccountChange.Change;
import dev.portcullis.api.permissions.IsSuperuserForPrivileges;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.IsAdminUser;
import dev.portcullis.web.Payload;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * User and token administration over HTTP, for staff only; what touches privileges is a superuser's
 * ({@link IsSuperuserForPrivileges}).
 */
@Path("/api/admin/users/")
@Permissions({IsAdminUser.class, IsSuperuserForPrivileges.class})
public class AdminUserResource {

    /** A user as administrators see it. */
    public record UserView(long id, String username, String email, boolean isStaff, boolean isSuperuser,
                           boolean isActive, boolean emailVerified) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.email, user.staff, user.superuser, user.active,
                    user.emailVerified);
        }
    }

    /** The name of the device a token made here signs in. */
    static final String ISSUED_BY_ADMINISTRATOR = "issued by an administrator";

    private final Accounts accounts;
    private final Tokens tokens;
    private final AuthChanges changes;
    private final PasswordRules passwordRules;
    private final ObjectAccess objects;
    private final Devices devices;
    private final GuardContext guard;

    public AdminUserResource(Accounts accounts, Tokens tokens, AuthChanges changes, PasswordRules passwordRules,
                             ObjectAccess objects, Devices devices, GuardContext guard) {
        this.devices = devices;
        this.guard = guard;
        this.passwordRules = passwordRules;
        this.accounts = accounts;
        this.tokens = tokens;
        this.changes = changes;
        this.objects = objects;
    }

    @POST
    @ResponseStatus(201)
    public UserView create(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.NewUser.class)))
            Payload payload) {
        String username = UserFields.username(payload).required();
        String password = UserFields.password(payload).required();
        String email = UserFields.email(payload).optional("");
        Boolean staff = payload.bool("is_staff").optional(false);
        Boolean superuser = payload.bool("is_superuser").optional(false);
        Boolean verified = payload.bool("email_verified").optional(false);
        Boolean active = payload.bool("is_active").optional(true);
        boolean privileged = Boolean.TRUE.equals(staff) || Boolean.TRUE.equals(superuser);
        objects.getObject(Optional.of(new AccountChange(username, false,
                privileged ? Set.of(Change.PRIVILEGES, Change.DETAILS) : Set.of(Change.DETAILS))));
        UserFields.validatePassword(payload, passwordRules, password, username, email);
        payload.validate();
        return UserView.of(accounts.create(new Accounts.NewUser(username, password, email, staff, superuser, active, verified)));
    }

    @PATCH
    @Path("{username}/")
    @Transactional
    public UserView change(@PathParam("username") String username,
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.UserChange.class)))
            Payload payload) {
        User user = find(username);
        payload.partial();
        Boolean staff = payload.bool("is_staff").optional(null);
        Boolean superuser = payload.bool("is_superuser").optional(null);
        Boolean verified = payload.bool("email_verified").optional(null);
        Boolean active = payload.bool("is_active").optional(null);
        String password = UserFields.password(payload).optional(null);
        Set<Change> asked = EnumSet.noneOf(Change.class);
        if (changes(staff, user.staff) || changes(superuser, user.superuser)) {
            asked.add(Change.PRIVILEGES);
        }
        if (payload.has("password")) {
            asked.add(Change.PASSWORD);
        }
        if (changes(active, user.active)) {
            asked.add(Change.ACTIVE);
        }
        if (verified != null) {
            asked.add(Change.DETAILS);
        }
        objects.getObject(Optional.of(new AccountChange(user.username, user.staff || user.superuser, asked)));
        UserFields.validatePassword(payload, passwordRules, password, user.username, user.email);
        payload.validate();
        if (staff != null) {
            user.staff = staff;
        }
        if (superuser != null) {
            user.superuser = superuser;
        }
        if (verified != null) {
            user.emailVerified = verified;
        }
        if (active != null) {
            user.active = active;
        }
        if (password != null) {
            accounts.setPassword(user, password);
        }
        changes.userChanged(user.id);
        return UserView.of(user);
    }

    /** Deletes the user and everything that is theirs; a staff or superuser account is a superuser's to delete. */
    @DELETE
    @Path("{username}/")
    @ResponseStatus(204)
    public void delete(@PathParam("username") String username) {
        User user = find(username);
        objects.getObject(Optional.of(new AccountChange(user.username, user.staff || user.superuser, Set.of(Change.DELETE))));
        accounts.delete(user);
    }

    @POST
    @Path("{username}/token/")
    public Map<String, String> createToken(@PathParam("username") String username) {
        return Map.of("token", tokens.issue(tokensOf(username), ISSUED_BY_ADMINISTRATOR));
    }

    @DELETE
    @Path("{username}/token/")
    @ResponseStatus(204)
    public void revokeTokens(@PathParam("username") String username) {
        tokens.revokeAll(tokensOf(username));
    }

    @GET
    @Path("{username}/devices/")
    public List<DeviceResource.DeviceView> devices(@PathParam("username") String username) {
        return DeviceResource.DeviceView.of(devices.of(tokensOf(username).id),
                guard.caller().attributes().get(Devices.ATTRIBUTE));
    }

    @DELETE
    @Path("{username}/devices/{id}/")
    @ResponseStatus(204)
    public void signOutDevice(@PathParam("username") String username, @PathParam("id") String id) {
        if (!devices.signOut(tokensOf(username).id, PathIds.parse(id))) {
            throw Errors.notFound();
        }
    }

    @POST
    @Path("{username}/logout-all/")
    @ResponseStatus(204)
    public void signOutEverywhere(@PathParam("username") String username) {
        devices.signOutAll(tokensOf(username).id);
    }

    /** The user whose tokens — and devices — the caller may create, see or revoke. */
    private User tokensOf(String username) {
        User user = find(username);
        objects.getObject(Optional.of(new AccountChange(user.username, user.staff || user.superuser, Set.of(Change.TOKENS))));
        return user;
    }

    private static boolean changes(Boolean requested, boolean current) {
        return requested != null && requested != current;
    }

    private static User find(String username) {
        return User.findByUsername(username).orElseThrow(Errors::notFound);
    }
}
