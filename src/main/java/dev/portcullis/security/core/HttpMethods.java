package dev.portcullis.security.core;

import java.util.Set;

/**
 * HTTP method names as kept in state — policies, denial counters, metric series. A client may send any token
 * as a method; the standard methods keep their names and every other name is one key, {@value #OTHER}, so
 * that a flood of invented methods cannot grow what the service remembers. Answers still name the method sent.
 */
public final class HttpMethods {

    public static final String OTHER = "OTHER";

    private static final Set<String> STANDARD = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    /** Every key state is kept under: the standard methods and {@value #OTHER}. */
    public static final java.util.List<String> KEYS = java.util.List.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS", "TRACE", "CONNECT", OTHER);

    private HttpMethods() {
    }

    /** The name to keep state under: the method itself when standard, else {@value #OTHER}. */
    public static String key(String method) {
        return STANDARD.contains(method) ? method : OTHER;
    }
}
