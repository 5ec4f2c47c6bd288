package dev.portcullis.viewsets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lists' queries whose last list was longer than one fetch. A list that may be long is first read as one fetch
 * (no transaction, one round trip), and read again through a cursor when it is longer: its first fetch of rows read,
 * decoded and thrown away. A query remembered here is read through the cursor at once, until a list of it fits one
 * fetch again. The text of a query, not its parameters, is remembered: a user's list is usually about as long as
 * the last user's. A wrong guess costs a short list a transaction around its one fetch, and a long one the first
 * fetch every long list cost before.
 */
final class LongLists {

    /** As many texts as Hibernate keeps plans for: beyond them, a new text is not remembered. */
    private static final int REMEMBERED = 2048;
    private static final Set<String> LONG = ConcurrentHashMap.newKeySet();

    private LongLists() {
    }

    /** Whether the query's last list was longer than one fetch. */
    static boolean expected(String query) {
        return LONG.contains(query);
    }

    /** How long the query's list was, read through a cursor: read that way at once next time, or not. */
    static void read(String query, boolean longerThanOneFetch) {
        if (!longerThanOneFetch) {
            LONG.remove(query);
        } else if (LONG.size() < REMEMBERED) {
            LONG.add(query);
        }
    }
}
