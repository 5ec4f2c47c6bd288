package dev.portcullis.security.lock;

import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A query condition that depends on the caller — a viewset's {@code getQueryset}, the list filter of a permission
 * class's object rules — as the policy lockfile records it: the condition itself, for an anonymous caller, a user, a
 * staff user and a superuser, so that a change to what a list shows (a draft made visible to all) is a reviewed diff,
 * not a method name that stayed the same. The caller's own id and username read as such.
 */
public final class QueryConditions {

    /** Who the condition is read for; ids and names no account has, so that they can only be the caller's. */
    private static final Map<String, Caller> CALLERS = callers();

    private QueryConditions() {
    }

    private static Map<String, Caller> callers() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("anonymous", Caller.ANONYMOUS);
        callers.put("user", new Caller(-7_001L, "<caller>", false, false, Map.of()));
        callers.put("staff", new Caller(-7_001L, "<caller>", true, false, Map.of()));
        callers.put("superuser", new Caller(-7_001L, "<caller>", true, true, Map.of()));
        return callers;
    }

    /** {@code anonymous: o.published = true; user, staff, superuser: o.published = true or o.owner.id = :me (me: the caller's id)}. */
    public static String of(Function<Caller, QueryRestriction> queryset) {
        Map<String, List<String>> kindsByCondition = new LinkedHashMap<>();
        CALLERS.forEach((kind, caller) -> kindsByCondition.computeIfAbsent(condition(queryset, caller),
                c -> new ArrayList<>()).add(kind));
        if (kindsByCondition.size() == 1) {
            return kindsByCondition.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        kindsByCondition.forEach((condition, kinds) -> parts.add(String.join(", ", kinds) + ": " + condition));
        return String.join("; ", parts);
    }

    private static String condition(Function<Caller, QueryRestriction> queryset, Caller caller) {
        QueryRestriction restriction;
        try {
            restriction = queryset.apply(caller);
        } catch (RuntimeException e) {
            return "fails (" + e.getClass().getSimpleName() + ")";
        }
        if (restriction == QueryRestriction.NONE) {
            return "every object";
        }
        if (restriction == QueryRestriction.NOTHING) {
            return "no object";
        }
        StringBuilder text = new StringBuilder(restriction.jpql());
        Map<String, Object> parameters = new TreeMap<>(restriction.parameters());
        if (!parameters.isEmpty()) {
            List<String> bound = new ArrayList<>();
            parameters.forEach((name, value) -> bound.add(name + ": " + shown(value, caller)));
            text.append(" (").append(String.join(", ", bound)).append(')');
        }
        return text.toString();
    }

    private static String shown(Object value, Caller caller) {
        if (caller.authenticated() && caller.id().equals(value)) {
            return "the caller's id";
        }
        if (caller.authenticated() && caller.username().equals(value)) {
            return "the caller's username";
        }
        return String.valueOf(value);
    }
}
