package dev.portcullis.security.throttle;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * DRF's {@code get_ident()}: the address a request's rates, known-address rule and logs are kept under. Without
 * proxy forwarding ({@code quarkus.http.proxy.proxy-address-forwarding}) it is the connection's peer. Behind
 * proxies it is the address the nearest trusted proxy saw: the forwarded list ({@code Forwarded} or
 * {@code X-Forwarded-For}, as Quarkus is told to read) is walked from the right, past the trusted proxies, to the
 * first address that is not one — never the leftmost entry, which the client writes itself. A peer that is not a
 * trusted proxy is the client, whatever its headers say. With no trusted proxies listed, the peer is taken for
 * the one proxy in front (DRF's {@code NUM_PROXIES = 1}) and the list's last entry is the client.
 */
@Startup
@Singleton
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class);

    private final boolean forwarding;
    private final boolean forwardedHeader;
    private final boolean xForwardedHeader;
    private final boolean forwardedFirst;
    private final TrustedProxies trusted;

    public ClientAddresses(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
                           @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false") boolean forwardedHeader,
                           @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded") Optional<Boolean> xForwardedHeader,
                           @ConfigProperty(name = "quarkus.http.proxy.forwarded-precedence", defaultValue = "forwarded") String precedence,
                           @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        this.forwarding = forwarding;
        this.forwardedHeader = forwardedHeader;
        this.xForwardedHeader = xForwardedHeader.orElse(!forwardedHeader);
        this.forwardedFirst = !precedence.replace('_', '-').equalsIgnoreCase("x-forwarded");
        this.trusted = TrustedProxies.parse(trusted.orElse(List.of()));
        LOG.info(describe());
    }

    /** One line at start-up: where the client address comes from, so that an operator sees a proxy set-up at once. */
    private String describe() {
        if (!forwarding) {
            return "Client address: the connection's peer (forwarded headers are not read)";
        }
        return trusted.isEmpty()
                ? "Client address: the last forwarded entry — quarkus.http.proxy.trusted-proxies is not set, so the peer "
                + "is taken for the one proxy in front; list your proxies to be exact"
                : "Client address: the forwarded entry nearest to the service that is not a trusted proxy ("
                + trusted + "); from any other peer, the peer itself";
    }

    public String of(HttpServerRequest request) {
        if (!forwarding) {
            return text(request.remoteAddress());
        }
        HttpConnection connection = request.connection();
        return clientOf(text(connection == null ? request.remoteAddress() : connection.remoteAddress()), forwardedFor(request));
    }

    /** The client behind {@code peer}, given the forwarded addresses ({@code hops}, nearest last). */
    String clientOf(String peer, List<String> hops) {
        if (!trusted.isEmpty() && !trusted.trusts(peer)) {
            return peer;
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (trusted.isEmpty() || !trusted.trusts(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** The forwarded addresses, nearest last, from the header Quarkus is told to read (the one it prefers, if both). */
    private List<String> forwardedFor(HttpServerRequest request) {
        List<String> forwarded = forwardedHeader ? ForwardedHeaders.forwardedFor(request.headers().getAll("Forwarded")) : List.of();
        List<String> xForwarded = xForwardedHeader ? ForwardedHeaders.xForwardedFor(request.headers().getAll("X-Forwarded-For")) : List.of();
        if (forwarded.isEmpty() || xForwarded.isEmpty()) {
            return forwarded.isEmpty() ? xForwarded : forwarded;
        }
        return forwardedFirst ? forwarded : xForwarded;
    }

    private static String text(SocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        return ForwardedHeaders.normalized(address.hostAddress() != null ? address.hostAddress() : address.host());
    }
}
