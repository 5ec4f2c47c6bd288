package dev.portcullis.security.lock;

import java.util.Locale;

/** How a difference from the lockfile moves an endpoint's security, from the file's policy to the running one. */
public enum Severity {
    /** The running policy allows less. */
    TIGHTER,
    /** Neither plainly looser nor tighter (a custom class swapped, a declaration moved): a reviewer decides. */
    CHANGED,
    /** The running policy allows more, or the endpoint is new. */
    LOOSER;

    Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
