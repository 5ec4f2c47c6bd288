package dev.portcullis.accounts;

import dev.portcullis.security.core.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** As many checks as allowed run, as many more wait, and the next sign-in is refused at once. */
class PasswordChecksTest {

    @ParameterizedTest(name = "{0} at once")
    @ValueSource(ints = {1, 2, 3})
    void checksBeyondTheRunningAndTheWaitingAreRefused(int concurrent) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PasswordChecks checks = new PasswordChecks(Optional.of(concurrent), meters);
        List<PasswordChecks.Turn> running = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            running.add(checks.admit());
            running.get(i).awaitCheck();
        }
        List<PasswordChecks.Turn> taken = new CopyOnWriteArrayList<>();
        ExecutorService signIns = Executors.newFixedThreadPool(concurrent);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            waiting.add(CompletableFuture.runAsync(() -> {
                PasswordChecks.Turn turn = checks.admit();
                turn.awaitCheck();
                taken.add(turn);
            }, signIns));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (checks.admitted() < 2 * concurrent) {
                Thread.sleep(5);
            }
        });
        assertTrue(taken.isEmpty(), "the waiting sign-ins wait");

        ApiException refused = assertThrows(ApiException.class, checks::admit);
        assertEquals(429, refused.status());
        assertEquals("Request was throttled. Expected available in 1 second.", refused.detail());
        assertEquals("1", refused.headers().get("Retry-After"));
        assertEquals(1.0, meters.counter(PasswordChecks.REFUSED_METER).count());

        running.forEach(PasswordChecks.Turn::close);
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get();
        assertEquals(concurrent, taken.size(), "each waiting sign-in got its turn");
        taken.forEach(PasswordChecks.Turn::close);
        signIns.shutdown();
        assertEquals(0, checks.admitted());
        try (PasswordChecks.Turn again = checks.admit()) {
            again.awaitCheck();
            assertEquals(1, checks.admitted());
        }
        assertEquals(0, checks.admitted());
        checks.admit().close();
        assertEquals(0, checks.admitted(), "a turn closed before its check gives its place back too");
    }

    @Test
    void byDefaultOneCheckPerProcessor() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        assertEquals(Runtime.getRuntime().availableProcessors(), new PasswordChecks(Optional.empty(), meters).concurrent());
        assertFalse(assertThrows(IllegalArgumentException.class, () -> new PasswordChecks(Optional.of(0), meters))
                .getMessage().isEmpty());
    }
}
