package dev.portcullis.viewsets;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The queryset checks before start-up ends (dev mode, tests) and beside the first requests (a packaged application). */
class QuerysetChecksTest {

    private static final String REFUSED = "Invalid viewset Typo: o.publisehd is not an attribute";

    @ParameterizedTest(name = "beside={0}, passes={1}")
    @CsvSource(delimiter = '|', value = {
            // beside | passes | readiness before the thread ran | readiness after | exit status
            "false    | true   | UP                              | UP              | ",
            "false    | false  | DOWN failed                     | DOWN failed     | ",
            "true     | true   | DOWN checking                   | UP              | ",
            "true     | false  | DOWN checking                   | DOWN failed     | 1",
    })
    void readinessFollowsTheChecks(boolean beside, boolean passes, String before, String after, Integer exitStatus) {
        List<Runnable> thread = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        QuerysetChecks checks = new QuerysetChecks(beside, thread::add, exits::add);
        Runnable check = () -> {
            if (!passes) {
                throw new IllegalStateException(REFUSED);
            }
        };
        if (!beside && !passes) {
            assertEquals(REFUSED, assertThrows(IllegalStateException.class, () -> checks.run(check)).getMessage(),
                    "start-up stops with the reason");
        } else {
            checks.run(check);
        }
        assertEquals(before, readiness(checks));
        thread.forEach(Runnable::run);
        assertEquals(after, readiness(checks));
        assertEquals(exitStatus == null ? List.of() : List.of(exitStatus), exits);
        if (after.endsWith("failed")) {
            assertEquals(Optional.of(Map.of("state", "failed", "reason", REFUSED)), checks.call().getData());
        }
    }

    private static String readiness(QuerysetChecks checks) {
        HealthCheckResponse response = checks.call();
        assertEquals(QuerysetChecks.NAME, response.getName());
        return response.getStatus() + response.getData().map(data -> " " + data.get("state")).orElse("");
    }
}
