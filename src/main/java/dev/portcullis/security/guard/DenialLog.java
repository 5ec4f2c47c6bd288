package dev.portcullis.security.guard;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Denial;
import org.jboss.logging.Logger;

/** One log line per 401/403: who was denied what, by which class, and why. */
final class DenialLog {

    private static final Logger LOG = Logger.getLogger("dev.portcullis.denials");

    private DenialLog() {
    }

    static Denial record(EndpointPolicy policy, Caller caller, Denial denial) {
        LOG.infof("denied status=%d method=%s endpoint=%s action=%s user=%s denied_by=%s kind=%s detail=\"%s\"",
                denial.status(), policy.httpMethod(), policy.path(), policy.action(), caller, denial.deniedBy(),
                denial.kind(), denial.detail());
        return denial;
    }
}
