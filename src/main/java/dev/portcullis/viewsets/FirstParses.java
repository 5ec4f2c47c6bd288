package dev.portcullis.viewsets;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lists' JPQL, each new text parsed by one request at a time. Hibernate parses a text the first time it is asked
 * for it and keeps the result, but requests that ask for the same new text at once each parse it, and ANTLR's first
 * parse of a new shape of query takes megabytes: eight searched requests at once on a replica just started, in the
 * Kubernetes ConfigMap's 64 MB heap, ran it out of memory, and it answered nothing until restarted. A text this
 * replica has parsed is created at once; a new one waits for the parse before it, and is then usually found in
 * Hibernate's cache.
 */
final class FirstParses {

    /** As many texts as Hibernate keeps: beyond them, a text may be parsed again anyway, so none waits. */
    private static final int REMEMBERED = 2048;
    private static final Set<String> PARSED = ConcurrentHashMap.newKeySet();
    private static final Object ONE_AT_A_TIME = new Object();

    private FirstParses() {
    }

    static <T> TypedQuery<T> query(EntityManager entityManager, String jpql, Class<T> type) {
        if (PARSED.contains(jpql) || PARSED.size() >= REMEMBERED) {
            return entityManager.createQuery(jpql, type);
        }
        synchronized (ONE_AT_A_TIME) {
            TypedQuery<T> query = entityManager.createQuery(jpql, type);
            PARSED.add(jpql);
            return query;
        }
    }
}
