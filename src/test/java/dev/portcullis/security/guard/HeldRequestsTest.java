package dev.portcullis.security.guard;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A request the guard cannot decide on its own thread is held until it has decided, then resumed exactly once:
 * with its answer, on with no answer, or with the failure. Quarkus REST's {@code abortWith} resumes a held request
 * itself; resuming it once more raced the answer being written (a throttled request went out 429 with no body).
 */
class HeldRequestsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an answer (a denial)       | answer  | 1 | true  | false",
            "no answer (allowed: go on) | nothing | 1 | false | false",
            "a failure                  | failure | 1 | false | true",
    })
    void aHeldRequestIsResumedOnce(String name, String outcome, int resumes, boolean aborted, boolean failed) {
        HeldRequest request = new HeldRequest();
        Uni<Response> decision = switch (outcome.strip()) {
            case "answer" -> Uni.createFrom().item(Response.status(429).build());
            case "nothing" -> Uni.createFrom().nullItem();
            case "failure" -> Uni.createFrom().failure(new IllegalStateException("the store failed"));
            default -> throw new IllegalArgumentException(outcome);
        };

        GuardFilters.answerWhenDecided(request.context(), decision);

        assertEquals(resumes, request.resumes.get(), "resumed");
        assertEquals(aborted, request.aborted, "answered");
        assertEquals(failed, request.failure != null, "resumed with the failure");
        assertFalse(request.suspended, "still held");
    }

    /** The calls the guard makes on a held request, and Quarkus REST's own rule: aborting a held request resumes it. */
    private static final class HeldRequest {
        final AtomicInteger resumes = new AtomicInteger();
        boolean suspended;
        boolean aborted;
        Throwable failure;

        ResteasyReactiveContainerRequestContext context() {
            return (ResteasyReactiveContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ResteasyReactiveContainerRequestContext.class}, (proxy, method, arguments) -> {
                        switch (method.getName()) {
                            case "suspend" -> suspended = true;
                            case "resume" -> resume(arguments == null ? null : (Throwable) arguments[0]);
                            case "abortWith" -> {
                                aborted = true;
                                if (suspended) {
                                    resume(null);
                                }
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }

        private void resume(Throwable failure) {
            resumes.incrementAndGet();
            suspended = false;
            this.failure = failure;
        }
    }
}
