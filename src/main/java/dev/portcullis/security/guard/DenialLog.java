package dev.portcullis.security.guard;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Denial;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * One log line per 401/403 — who was denied what, by which class, and why — and a counter of denials by
 * class and endpoint ({@code portcullis_denials_total} on the Prometheus endpoint).
 */
@Singleton
public class DenialLog {

    private static final Logger LOG = Logger.getLogger("dev.portcullis.denials");

    private final MeterRegistry meters;

    public DenialLog(MeterRegistry meters) {
        this.meters = meters;
    }

    Denial record(EndpointPolicy policy, Caller caller, Denial denial) {
        LOG.infof("denied status=%d method=%s endpoint=%s action=%s user=%s denied_by=%s kind=%s detail=\"%s\"",
                denial.status(), policy.shownMethod(), policy.path(), policy.action(), caller, denial.deniedBy(),
                denial.kind(), denial.detail());
        Counter.builder("portcullis.denials")
                .description("Requests denied by the guard (401 and 403)")
                .tag("denied_by", denial.deniedBy())
                .tag("endpoint", policy.path())
                .tag("method", policy.shownMethod())
                .tag("status", String.valueOf(denial.status()))
                .register(meters)
                .increment();
        return denial.deniedTo(caller);
    }
}
