package dev.portcullis.api;

import dev.portcullis.api.permissions.IsVerifiedUser;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.security.permission.IsAdminUser;
import dev.portcullis.security.permission.IsAuthenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;

/** The troubleshooting guide's views, one class per path as in DRF. */
public final class ExampleViews {

    private ExampleViews() {
    }

    /** No declaration: the global default permissions apply. */
    @Path("/api/data/")
    public static class DataView {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }

    @Path("/api/private/")
    @Permissions(IsAuthenticated.class)
    public static class PrivateView {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }

    @Path("/api/public/")
    @Permissions(AllowAny.class)
    public static class PublicView {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "public");
        }
    }

    @Path("/api/admin-only/")
    @Permissions(IsAdminUser.class)
    public static class AdminOnlyView {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "admin only");
        }
    }

    @Path("/api/verified-only/")
    @Permissions({IsAuthenticated.class, IsVerifiedUser.class})
    public static class VerifiedOnlyView {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "verified");
        }
    }
}
