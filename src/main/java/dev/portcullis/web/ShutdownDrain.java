package dev.portcullis.web;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end of a graceful shutdown. Once the shutdown delay is over — readiness has been down for
 * {@code quarkus.shutdown.delay}, so load balancers have stopped sending — the API port stops accepting connections
 * (a new one is refused), and a request that still arrives on a connection already open is answered at once,
 * {@code 503} with {@code Connection: close} and {@code Retry-After}, instead of being run: the requests in flight
 * finish, and the process exits as soon as they have. Without it, clients that keep opening connections keep the
 * server busy until {@code quarkus.shutdown.timeout}, which then drops whatever is in flight unanswered, and a
 * connection accepted while the server is torn down is dropped without an answer.
 */
@Singleton
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);
    private static final String REFUSAL = "{\"detail\":\"Service temporarily unavailable, try again later.\"}";

    private final Duration delay;
    /** When draining starts ({@link System#nanoTime()}), once {@link #shuttingDown} is set. */
    private volatile long drainingFrom;
    private volatile boolean shuttingDown;
    private final AtomicLong refused = new AtomicLong();
    /** The API port's listening socket, as the first request came through it (none for a Lambda function's events). */
    private volatile Channel listener;

    public ShutdownDrain(@ConfigProperty(name = "quarkus.shutdown.delay") java.util.Optional<Duration> delay) {
        this.delay = delay.orElse(Duration.ZERO);
    }

    void delayStarted(@Observes ShutdownDelayInitiatedEvent event) {
        drainingFrom = System.nanoTime() + delay.toNanos();
        shuttingDown = true;
        Thread closer = new Thread(this::stopAccepting, "portcullis-shutdown-drain");
        closer.setDaemon(true);
        closer.start();
    }

    /** After the delay, the listening socket closes: connections open stay open until their answers are sent. */
    private void stopAccepting() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Channel open = listener;
        if (open != null && open.isOpen()) {
            java.net.SocketAddress address = open.localAddress();
            // Said once the socket is closed. A connection the kernel completed just before, which the server had
            // not accepted yet, is reset by the close (TCP's way: nothing of it was read); one after is refused.
            open.close().addListener(closed -> LOG.infof(
                    "Shutting down: no new connections on %s; requests on open ones are answered 503", address));
        }
    }

    /** Fired once the requests in flight are done: says how many late ones were turned away. */
    void stopped(@Observes ShutdownEvent event) {
        if (refused.get() > 0) {
            LOG.infof("Answered %d request(s) that arrived after the shutdown delay with 503", refused.get());
        }
    }

    private void remember(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase connection && connection.channel().parent() instanceof ServerChannel server) {
            listener = server;
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (listener == null) {
            remember(context.request());
        }
        if (!shuttingDown || System.nanoTime() - drainingFrom < 0) {
            context.next();
            return;
        }
        refused.incrementAndGet();
        context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("Retry-After", "1")
                .end(REFUSAL);
    }
}
