package dev.portcullis.security.lock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lockfile's text: a comment header, then one block per entry — the key on a line of its own, each field
 * indented below it as {@code name: value} — in the order the entries are given (sorted by the snapshot), so
 * that a change to one policy is a change to a few lines of one block.
 */
public final class PolicyLockFile {

    /** Where the lockfile lives in a project, and on the class path of a build. */
    public static final String RESOURCE = "portcullis/policies.lock";
    public static final String SOURCE_PATH = "src/main/resources/" + RESOURCE;

    private static final String INDENT = "    ";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Z]+ \\S+");
    private static final String HEADER = """
            # The security policy of every endpoint and action, and of every guarded service method, as the
            # service resolves it at start-up. A test fails while the running policies differ from this file,
            # so that a change to a policy shows in the same diff as the code that made it.
            #   check:  java -jar target/quarkus-app/quarkus-run.jar policy-lock --check
            #   accept: java -jar target/quarkus-app/quarkus-run.jar policy-lock --write   (review the diff first)
            """;

    private PolicyLockFile() {
    }

    public static String render(List<LockEntry> entries) {
        StringBuilder text = new StringBuilder(HEADER);
        for (LockEntry entry : entries) {
            text.append('\n').append(entry.key()).append('\n');
            entry.fields().forEach((name, value) -> text.append(INDENT).append(name).append(": ").append(value).append('\n'));
        }
        return text.toString();
    }

    /**
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static List<LockEntry> parse(String text) {
        List<LockEntry> entries = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        String key = null;
        Map<String, String> fields = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].stripTrailing();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (!KEY.matcher(line).matches()) {
                    throw new IllegalArgumentException("line " + number + ": expected an endpoint such as "
                            + "'GET /api/posts/' or a service method such as 'CALL Reports.monthly()', found '" + line + "'");
                }
                if (key != null) {
                    entries.add(new LockEntry(key, fields));
                }
                if (!keys.add(line)) {
                    throw new IllegalArgumentException("line " + number + ": '" + line + "' is listed twice");
                }
                key = line;
                fields = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(": ");
            String name = colon < 0 ? null : line.substring(0, colon).strip();
            if (key == null || name == null || !LockEntry.FIELDS.contains(name)) {
                throw new IllegalArgumentException("line " + number + ": expected an endpoint, or an indented field ("
                        + String.join(", ", LockEntry.FIELDS) + ") under one, found '" + line.strip() + "'");
            }
            if (fields.put(name, line.substring(colon + 2).strip()) != null) {
                throw new IllegalArgumentException("line " + number + ": '" + name + "' is given twice for " + key);
            }
        }
        if (key != null) {
            entries.add(new LockEntry(key, fields));
        }
        return entries;
    }
}
