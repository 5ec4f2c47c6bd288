package dev.portcullis.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id — the caller's {@code X-Request-Id} when it is a sensible one, else a new one —
 * answers it in {@code X-Request-Id}, and puts it in the logging context, so that the denial line, the
 * 503 warning or the 500 trace of a request carry the id a client can quote.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        identify(context);
        context.next();
    }

    /** Gives the request its id, unless it has one: also for a request the HTTP server failed before any route. */
    static void identify(RoutingContext context) {
        if (context.response().headers().contains(HEADER)) {
            return;
        }
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && SENSIBLE.matcher(offered).matches() ? offered : newId();
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id is no secret, and
     * {@code UUID.randomUUID()} takes the process-wide {@code SecureRandom}'s lock on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
