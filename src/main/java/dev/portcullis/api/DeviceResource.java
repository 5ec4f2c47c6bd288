package dev.portcullis.api;

import dev.portcullis.accounts.Devices;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.viewsets.DateTimeField;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Where the caller is signed in — every token, JWT family and session of theirs — and signing one out. */
@Path("/api/auth/devices/")
@Permissions(IsAuthenticated.class)
public class DeviceResource {

    /** A device as its user sees it; {@code current} is the one this request came from. */
    public record DeviceView(long id, String kind, String name, String createdAt, String lastUsedAt, boolean current) {

        static List<DeviceView> of(List<Devices.Device> devices, Object current) {
            return devices.stream().map(device -> new DeviceView(device.id(), device.kind(), device.name(),
                    DateTimeField.isoFormat(device.createdAt()), DateTimeField.isoFormat(device.lastUsedAt()),
                    current instanceof Long id && id == device.id())).toList();
        }
    }

    private final Devices devices;
    private final GuardContext guard;

    public DeviceResource(Devices devices, GuardContext guard) {
        this.devices = devices;
        this.guard = guard;
    }

    @GET
    public List<DeviceView> list() {
        Caller caller = guard.caller();
        return DeviceView.of(devices.of(caller.id()), caller.attributes().get(Devices.ATTRIBUTE));
    }

    /** Signs the device out on every replica; another user's device is not found, as an unknown one is. */
    @DELETE
    @Path("{id}/")
    @ResponseStatus(204)
    public void signOut(@PathParam("id") String id) {
        if (!devices.signOut(guard.caller().id(), PathIds.parse(id))) {
            throw Errors.notFound();
        }
    }
}
