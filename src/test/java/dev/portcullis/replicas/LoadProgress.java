package dev.portcullis.replicas;

import java.time.Duration;
import java.util.Collection;

/** Waiting for a load to be under way: until its clients have seen so many outcomes, rather than for a guessed time. */
final class LoadProgress {

    private LoadProgress() {
    }

    static void awaitOutcomes(Collection<?> outcomes, int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (outcomes.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(outcomes.size() + " outcomes of " + count + " after " + patience);
            }
            Thread.sleep(20);
        }
    }
}
