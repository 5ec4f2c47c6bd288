package dev.portcullis.security.throttle;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * DRF's {@code get_ident()}: the client's address. Behind a proxy, Quarkus puts the forwarded address here when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on — the one place to trust such headers.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
