package dev.portcullis.security.lock;

import dev.portcullis.security.permission.Permission;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a change to each lockfile field is classified, from the value in the file to the running one. Only the
 * moves whose meaning is certain are called looser or tighter; the rest are {@link Severity#CHANGED}.
 */
final class FieldRules {

    private interface Rule {
        Severity classify(String before, String after);
    }

    private static final Map<String, Rule> RULES = Map.of(
            LockEntry.AUTHENTICATION, (before, after) -> classes(before, after, Severity.LOOSER, Severity.TIGHTER),
            LockEntry.PERMISSIONS, FieldRules::permissions,
            LockEntry.ANONYMOUS, (before, after) -> ranked(List.of("allowed", "refused"), before, after),
            LockEntry.OBJECT_CHECKS, (before, after) -> stricterWhen(FieldRules::enforced, before, after),
            LockEntry.QUERYSET, (before, after) -> stricterWhen(queryset -> !queryset.equals("all objects"), before, after),
            LockEntry.RELATIONS, (before, after) -> stricterWhen(relations -> !relations.contains("any object"),
                    before, after),
            LockEntry.NESTED, (before, after) -> stricterWhen(nested -> !nested.contains("any object"), before, after),
            LockEntry.CSRF, (before, after) -> ranked(List.of("exempt", "required", "required, trusted origin required"),
                    before, after),
            LockEntry.THROTTLES, (before, after) -> classes(before, after, Severity.TIGHTER, Severity.LOOSER));

    private FieldRules() {
    }

    /** The classification of one field's change; a field only one side has is {@link Severity#CHANGED}. */
    static Severity classify(String field, String before, String after) {
        Rule rule = RULES.get(field);
        return before == null || after == null || rule == null ? Severity.CHANGED : rule.classify(before, after);
    }

    /** Lists of classes: what adding a class and removing one mean; both at once count as the graver. */
    private static Severity classes(String before, String after, Severity added, Severity removed) {
        Set<String> old = names(before);
        Set<String> now = names(after);
        boolean grew = !old.containsAll(now);
        boolean shrank = !now.containsAll(old);
        if (grew && shrank) {
            return added.atLeast(removed);
        }
        return grew ? added : shrank ? removed : Severity.CHANGED;
    }

    private static Severity permissions(String before, String after) {
        Permission old = Strictness.parse(List.copyOf(names(before)));
        Permission now = Strictness.parse(List.copyOf(names(after)));
        boolean noMore = Strictness.allowsNoMoreThan(now, old);
        boolean noLess = Strictness.allowsNoMoreThan(old, now);
        return noMore == noLess ? Severity.CHANGED : noMore ? Severity.TIGHTER : Severity.LOOSER;
    }

    /** A move along a known order, loosest first; off the order, {@link Severity#CHANGED}. */
    private static Severity ranked(List<String> loosestFirst, String before, String after) {
        int from = loosestFirst.indexOf(before);
        int to = loosestFirst.indexOf(after);
        if (from < 0 || to < 0 || from == to) {
            return Severity.CHANGED;
        }
        return to > from ? Severity.TIGHTER : Severity.LOOSER;
    }

    /** A yes/no fact read off each value, where yes is the stricter. */
    private static Severity stricterWhen(java.util.function.Predicate<String> strict, String before, String after) {
        boolean was = strict.test(before);
        boolean is = strict.test(after);
        return was == is ? Severity.CHANGED : is ? Severity.TIGHTER : Severity.LOOSER;
    }

    private static boolean enforced(String objectChecks) {
        return objectChecks.startsWith("on ") || objectChecks.startsWith("filter ");
    }

    /** The class names of a field's value, without the trailing {@code [where declared]}. */
    static Set<String> names(String value) {
        String classes = value.replaceFirst("\\s*\\[[^\\]]*]$", "").strip();
        return classes.equals("none") ? Set.of() : new LinkedHashSet<>(Arrays.asList(classes.split(",\\s*")));
    }
}
