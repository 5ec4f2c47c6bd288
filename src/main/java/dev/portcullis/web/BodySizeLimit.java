package dev.portcullis.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} before a byte of it is read,
 * with 413 in DRF's shape (Quarkus's own refusal has no body). A chunked body that grows past the limit is
 * still cut off by Quarkus, with its plain 413 and one WARN line.
 */
@Singleton
public class BodySizeLimit {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BodySizeLimit.class);

    private final long maxBodySize;
    private final String refusal;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.refusal = "{\"detail\":\"Request body exceeded " + this.maxBodySize + " bytes.\"}";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check).failureHandler(BodySizeLimit::alreadyAnswered);
    }

    /**
     * A request that failed after its answer was sent — a chunked body cut off at the limit, which the HTTP server
     * answered 413 itself — has nothing left to answer: no second error, no stack trace.
     */
    private static void alreadyAnswered(RoutingContext context) {
        if (context.response().ended()) {
            LOG.debugf("Failure after the answer was sent: %s", String.valueOf(context.failure()));
        } else {
            context.next();
        }
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(refusal);
            return;
        }
        context.next();
    }

    /** Whether a body of this many bytes is within the limit. */
    public boolean allows(long bytes) {
        return bytes <= maxBodySize;
    }

    /** The 413 body: {@code {"detail":"Request body exceeded N bytes."}}. */
    public String refusal() {
        return refusal;
    }

    private boolean tooLarge(String length) {
        try {
            return !allows(Long.parseLong(length.strip()));
        } catch (NumberFormatException e) {
            return false;  // a malformed length is the HTTP server's to refuse
        }
    }
}
