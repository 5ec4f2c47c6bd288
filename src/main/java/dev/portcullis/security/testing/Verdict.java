package dev.portcullis.security.testing;

import dev.portcullis.security.core.Denial;
import dev.portcullis.security.permission.Decision;

/** What a permission class decided, with the words DRF would answer, and assertions for tests. */
public record Verdict(Decision decision) {

    public boolean allowed() {
        return decision.allowed();
    }

    /** The class that denied (inside a composition, the part), or {@code null} when allowed. */
    public String deniedBy() {
        return allowed() ? null : decision.denier().permission();
    }

    /**
     * The {@code detail} an authenticated caller would get: the denying class's message, or DRF's default
     * (an anonymous caller gets "Authentication credentials were not provided." where the endpoint authenticates).
     */
    public String message() {
        if (allowed()) {
            return null;
        }
        String message = decision.denier().message();
        return message != null ? message : Denial.PERMISSION_DENIED_DETAIL;
    }

    public Verdict assertAllowed() {
        if (!allowed()) {
            throw new AssertionError("expected " + decision.permission() + " to allow, but " + deniedBy()
                    + " denied: " + message() + (decision.denialHint() == null ? "" : " (" + decision.denialHint() + ")"));
        }
        return this;
    }

    public Verdict assertDenied(String expectedMessage) {
        if (allowed()) {
            throw new AssertionError("expected " + decision.permission() + " to deny with '" + expectedMessage
                    + "', but it allowed");
        }
        if (!expectedMessage.equals(message())) {
            throw new AssertionError("expected the denial '" + expectedMessage + "', but " + deniedBy() + " said '"
                    + message() + "'");
        }
        return this;
    }
}
