package dev.portcullis.api;

import dev.portcullis.accounts.Devices;
import dev.portcullis.web.Payload;
import io.vertx.core.http.HttpServerRequest;

/** What a sign-in names its device: the body's optional {@code "device"}, else the client's {@code User-Agent}. */
final class DeviceNames {

    static final String FIELD = "device";

    private DeviceNames() {
    }

    /** Read before the payload is validated, so that a bad name is reported with the other fields. */
    static String of(Payload payload, HttpServerRequest connection) {
        String named = payload.text(FIELD).allowBlank().maxLength(Devices.NAME_LENGTH).optional(null);
        if (named != null) {
            return named;
        }
        String userAgent = connection.getHeader("User-Agent");
        return userAgent == null ? "" : userAgent;
    }
}
