package dev.portcullis.examples;

import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.AllowAny;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;

/** An endpoint anyone may call, which delegates to a service that only staff may use. */
@Path("/api/examples/staff-report/")
@Permissions(AllowAny.class)
public class StaffReportResource {

    @Inject
    StaffReports reports;

    @GET
    public Map<String, Object> get() {
        return reports.summary();
    }
}
