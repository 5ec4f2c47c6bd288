package dev.portcullis.security.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Facts looked up once per request (e.g. the user's model permissions, or their grants on one object), so
 * that several permission classes, or one class asked twice by a composition, share one database query.
 * A request is handled by one thread at a time, so no locking.
 */
public final class RequestMemo {

    /** Made on the first fact: most requests never need one. */
    private Map<Object, Object> facts;

    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> lookup) {
        if (facts == null) {
            facts = new HashMap<>();
        }
        Object known = facts.get(key);
        if (known == null) {
            known = lookup.get();
            facts.put(key, known);
        }
        return (T) known;
    }
}
