package dev.portcullis.api;

import dev.portcullis.security.guard.CsrfExempt;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.AllowAny;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.Map;

/** A webhook: anyone may call it, and it is exempt from CSRF checks even for a session-authenticated caller. */
@Path("/api/webhook/")
@Permissions(AllowAny.class)
@CsrfExempt
public class WebhookResource {

    @POST
    public Map<String, Boolean> receive() {
        return Map.of("received", true);
    }
}
