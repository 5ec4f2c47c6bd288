package dev.portcullis.api;

import dev.portcullis.api.permissions.IsVerifiedUser;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.IsAuthenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Who am I, and which authentication class recognised me. */
@Path("/api/me/")
@Permissions(IsAuthenticated.class)
public class MeResource {

    public record Me(long id, String username, String email, boolean isStaff, boolean emailVerified, String auth) {
    }

    private final GuardContext guard;

    public MeResource(GuardContext guard) {
        this.guard = guard;
    }

    /** Non-blocking: everything it needs is in the guard's verdict, so it answers on the event loop. */
    @GET
    public Uni<Me> me() {
        Caller caller = guard.caller();
        return Uni.createFrom().item(new Me(caller.id(), caller.username(), (String) caller.attributes().get("email"),
                caller.staff(), caller.flag(IsVerifiedUser.EMAIL_VERIFIED), guard.request().authenticator()));
    }
}
