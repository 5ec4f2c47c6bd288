package dev.portcullis;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tests that need a program of the machine (Chromium, kubectl): on a developer's machine without it they are
 * skipped; in CI ({@code CI=true}, which CI sets and {@code .ci/run} installs the programs for) a missing program
 * fails the build, so that a skip cannot hide a test that never ran.
 */
public final class MachineTools {

    private MachineTools() {
    }

    public static void require(boolean available, String missing) {
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + ", and in CI every test must run");
            }
            Assumptions.assumeTrue(false, missing);
        }
    }
}
