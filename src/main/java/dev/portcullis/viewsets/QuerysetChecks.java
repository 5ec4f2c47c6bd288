package dev.portcullis.viewsets;

import dev.portcullis.security.core.StartUpRefusal;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * Compiles every viewset's queryset, as start-up's last check: a {@code getQueryset} that is not valid JPQL stops the
 * service with the viewset's name and Hibernate's reason, instead of failing a request.
 * <p>
 * In production ({@code portcullis.queryset-checks.beside-requests}) the checks run beside the first requests, on a
 * thread of their own: they are the first JPQL the service compiles, a tenth of a second that no answer waits for.
 * The service is not ready (this readiness check is down) until they pass, and one that fails stops it as it would
 * have stopped start-up, with exit status 1. In dev mode, tests and management commands they run before start-up
 * ends, so that a mistake shows as a start-up error (and a command's status is never changed after it is done).
 */
@Readiness
@Default // as well: @Readiness is a qualifier, and the viewsets' binding injects this bean plainly
@Singleton
public class QuerysetChecks implements HealthCheck {

    static final String NAME = "Viewset querysets";
    private static final Logger LOG = Logger.getLogger(QuerysetChecks.class);

    private final boolean beside;
    private final Executor thread;
    private final IntConsumer exit;
    /** Why the checks failed, once they have; {@code null} while they run or when they passed. */
    private volatile RuntimeException failure;
    private volatile boolean done;

    @Inject
    public QuerysetChecks(@ConfigProperty(name = "portcullis.queryset-checks.beside-requests") boolean beside) {
        this(beside, QuerysetChecks::onItsOwnThread, Quarkus::asyncExit);
    }

    QuerysetChecks(boolean beside, Executor thread, IntConsumer exit) {
        this.beside = beside;
        this.thread = thread;
        this.exit = exit;
    }

    /** Runs the checks now, or beside the first requests when so configured (production). */
    void run(Runnable checks) {
        if (!beside) {
            check(checks);
            return;
        }
        thread.execute(() -> {
            try {
                check(checks);
                LOG.debug("Every viewset's queryset compiled");
            } catch (RuntimeException e) {
                LOG.error("Stopping: a viewset's queryset does not compile", e);
                exit.accept(1);
            }
        });
    }

    private void check(Runnable checks) {
        try {
            checks.run();
        } catch (RuntimeException e) {
            StartUpRefusal.print(e);
            failure = e;
            throw e;
        } finally {
            done = true;
        }
    }

    /** Down while the checks run, and with the reason when one failed. */
    @Override
    public HealthCheckResponse call() {
        if (!done) {
            return HealthCheckResponse.named(NAME).down().withData("state", "checking").build();
        }
        RuntimeException failed = failure;
        if (failed != null) {
            return HealthCheckResponse.named(NAME).down().withData("state", "failed")
                    .withData("reason", failed.getMessage()).build();
        }
        return HealthCheckResponse.up(NAME);
    }

    /** A viewset's {@code getQueryset} may ask for the request (there is none: it reads as empty), as at start-up. */
    private static void inRequestContext(Runnable checks) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            checks.run();
        } finally {
            requestContext.terminate();
        }
    }

    private static void onItsOwnThread(Runnable task) {
        Thread checks = new Thread(() -> inRequestContext(task), "portcullis-queryset-checks");
        checks.setDaemon(true);
        checks.start();
    }
}
