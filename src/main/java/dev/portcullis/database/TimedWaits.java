package dev.portcullis.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether this JDK ends a timed wait on a {@code LinkedTransferQueue} when its time is up. Before Java 21.0.2 it
 * may not (JDK-8301341, fixed in 21.0.2 and 22): a waiter whose predecessor in the queue gave up first spins until
 * something arrives. The connection pool waits on such a queue for a free connection, and during a database
 * outage nothing arrives: on Java 17.0.15, a request that began to wait as PostgreSQL went away was answered when
 * it came back, 10.9 s later, instead of 503 at once. Said once at start where it applies; the image runs on 25.
 */
@ApplicationScoped
public class TimedWaits {

    private static final Logger LOG = Logger.getLogger(TimedWaits.class);
    private static final Runtime.Version FIXED = Runtime.Version.parse("21.0.2");

    /** Whether a timed wait of this JDK's transfer queue ends when its time is up. */
    public static boolean honoured() {
        return honouredBy(Runtime.version());
    }

    static boolean honouredBy(Runtime.Version version) {
        return version.compareToIgnoreOptional(FIXED) >= 0;
    }

    void warn(@Observes StartupEvent start) {
        if (!honoured()) {
            LOG.warnf("On Java %s a request waiting for a pooled connection when PostgreSQL goes away may wait until"
                    + " it is back instead of being answered 503 (JDK-8301341); Java 21.0.2 or newer does not",
                    Runtime.version());
        }
    }
}
