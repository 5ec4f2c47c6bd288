package dev.portcullis;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports a packaged service bound, read from Quarkus's start-up line — for servers started on port 0, so that
 * no port is chosen by a test and released for another process to take. In a JSON log its slashes may be escaped.
 */
public final class StartupLine {

    private static final Pattern HTTP = Pattern.compile("Listening on: https?:\\\\?/\\\\?/[^:]+:(\\d+)");
    private static final Pattern MANAGEMENT = Pattern.compile(
            "Management interface listening on https?:\\\\?/\\\\?/[^:]+:(\\d+)");

    private StartupLine() {
    }

    /** The HTTP port, once the log says it listens. */
    public static OptionalInt httpPort(String log) {
        return port(HTTP, log);
    }

    /** The management interface's port, in a build that has one. */
    public static OptionalInt managementPort(String log) {
        return port(MANAGEMENT, log);
    }

    private static OptionalInt port(Pattern line, String log) {
        Matcher matcher = line.matcher(log);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
