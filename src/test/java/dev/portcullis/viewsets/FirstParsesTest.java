package dev.portcullis.viewsets;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A new JPQL text is parsed by one request at a time; a text already parsed never waits. */
class FirstParsesTest {

    private final AtomicInteger parsing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstParsing = new CountDownLatch(1);

    /** An entity manager whose parse of a text starting with "hold" lasts until the test releases it. */
    private final EntityManager entityManager = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{EntityManager.class}, (proxy, method, arguments) -> {
                mostAtOnce.accumulateAndGet(parsing.incrementAndGet(), Math::max);
                try {
                    if (((String) arguments[0]).startsWith("hold")) {
                        firstParsing.countDown();
                        release.await();
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TypedQuery.class},
                            (query, queryMethod, queryArguments) -> null);
                } finally {
                    parsing.decrementAndGet();
                }
            });

    @Test
    void aNewTextWaitsForTheParseBeforeIt() throws Exception {
        String text = "hold " + UUID.randomUUID();
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> FirstParses.query(entityManager, text, Object.class));
        firstParsing.await();
        Thread second = new Thread(() -> FirstParses.query(entityManager, "another " + UUID.randomUUID(), Object.class));
        second.start();
        while (second.getState() != Thread.State.BLOCKED && second.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();  // until it waits for the first parse's turn to end (or, wrongly, parses at once)
        }
        release.countDown();
        first.get();
        second.join();
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void aParsedTextDoesNotWait() throws Exception {
        String parsed = "known " + UUID.randomUUID();
        FirstParses.query(entityManager, parsed, Object.class);
        CompletableFuture<?> holding = CompletableFuture.runAsync(
                () -> FirstParses.query(entityManager, "hold " + UUID.randomUUID(), Object.class));
        firstParsing.await();
        FirstParses.query(entityManager, parsed, Object.class);  // while the new text holds the turn
        assertEquals(2, mostAtOnce.get());
        release.countDown();
        holding.get();
    }
}
