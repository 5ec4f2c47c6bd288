package dev.portcullis.security.lock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The differences between the lockfile (before) and the running policies (after), entry by entry, each
 * classified: looser first, since those are what a reviewer must not miss.
 */
public final class PolicyDiff {

    /** One field that differs; a {@code null} side has no such line. */
    public record FieldChange(String field, String before, String after, Severity severity) {
    }

    /**
     * One entry that differs.
     *
     * @param what {@code a new endpoint}, {@code no longer served}, or {@code null} when fields changed
     */
    public record EntryChange(String key, String view, Severity severity, String what, List<FieldChange> fields) {
    }

    private final List<EntryChange> changes;

    private PolicyDiff(List<EntryChange> changes) {
        this.changes = changes;
    }

    public static PolicyDiff between(List<LockEntry> locked, List<LockEntry> running) {
        Map<String, LockEntry> before = byKey(locked);
        Map<String, LockEntry> after = byKey(running);
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<EntryChange> changes = new ArrayList<>();
        for (String key : keys) {
            LockEntry old = before.get(key);
            LockEntry now = after.get(key);
            if (old == null) {
                List<FieldChange> fields = now.fields().entrySet().stream()
                        .map(field -> new FieldChange(field.getKey(), null, field.getValue(), Severity.LOOSER)).toList();
                changes.add(new EntryChange(key, now.get(LockEntry.VIEW), Severity.LOOSER, "a new endpoint", fields));
            } else if (now == null) {
                changes.add(new EntryChange(key, old.get(LockEntry.VIEW), Severity.TIGHTER, "no longer served", List.of()));
            } else {
                List<FieldChange> fields = fieldChanges(old, now);
                if (!fields.isEmpty()) {
                    Severity severity = fields.stream().map(FieldChange::severity).reduce(Severity.TIGHTER, Severity::atLeast);
                    changes.add(new EntryChange(key, now.get(LockEntry.VIEW), severity, null, fields));
                }
            }
        }
        changes.sort(Comparator.comparing(EntryChange::severity).reversed());
        return new PolicyDiff(List.copyOf(changes));
    }

    private static List<FieldChange> fieldChanges(LockEntry old, LockEntry now) {
        List<FieldChange> fields = new ArrayList<>();
        for (String field : LockEntry.FIELDS) {
            String before = old.get(field);
            String after = now.get(field);
            if (!Objects.equals(before, after)) {
                fields.add(new FieldChange(field, before, after, FieldRules.classify(field, before, after)));
            }
        }
        return fields;
    }

    private static Map<String, LockEntry> byKey(List<LockEntry> entries) {
        Map<String, LockEntry> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.key(), entry));
        return map;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<EntryChange> changes() {
        return changes;
    }

    /**
     * The diff as a reviewer reads it: a summary, then each entry with the lockfile's lines (-) and the running ones
     * (+); a new endpoint with all of its lines.
     */
    public String render(String lockfile) {
        if (changes.isEmpty()) {
            return "The running policies match " + lockfile + ".\n";
        }
        Map<Severity, Long> counts = changes.stream().collect(Collectors.groupingBy(EntryChange::severity, Collectors.counting()));
        StringBuilder text = new StringBuilder("The running policies differ from " + lockfile + " at " + changes.size()
                + " endpoint(s): " + counts.getOrDefault(Severity.LOOSER, 0L) + " looser, "
                + counts.getOrDefault(Severity.CHANGED, 0L) + " changed, " + counts.getOrDefault(Severity.TIGHTER, 0L)
                + " tighter.\n");
        for (EntryChange change : changes) {
            text.append('\n').append(change.severity().name()).append("  ").append(change.key())
                    .append(" (").append(change.view()).append(')')
                    .append(change.what() == null ? "" : ": " + change.what()).append('\n');
            for (FieldChange field : change.fields()) {
                if (change.what() != null) {
                    text.append("    + ").append(field.field()).append(": ").append(field.after()).append('\n');
                    continue;
                }
                text.append("    ").append(field.field()).append(" (").append(field.severity()).append(")\n");
                if (field.before() != null) {
                    text.append("        - ").append(field.before()).append('\n');
                }
                if (field.after() != null) {
                    text.append("        + ").append(field.after()).append('\n');
                }
            }
        }
        return text.toString();
    }
}
