package dev.portcullis.examples;

import dev.portcullis.api.permissions.IsAdminOrOwner;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.IsAdminUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The README's service example: the permission classes travel with the method, wherever it is called from. */
@ApplicationScoped
public class StaffReports {

    /** A record someone owns. */
    public record Draft(Long ownerId, String title) implements Owned {
    }

    @Permissions(IsAdminUser.class)
    public Map<String, Object> summary() {
        return Map.of("report", "for staff only");
    }

    /** Object-level: staff, or the draft's owner. */
    @Permissions(value = IsAdminOrOwner.class, object = "draft", readOnly = true)
    public String describe(Draft draft) {
        return draft.title();
    }
}
