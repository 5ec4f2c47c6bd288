package dev.portcullis.viewsets;

import java.util.OptionalLong;

/**
 * A page of a list and the list's count. A page read in one fetch counts the list in the same statement, so a page
 * costs one round trip, not a count and a page. When that statement cannot count (the page is past the end, or read
 * by the ids of an index): a page that is not full tells the count itself (the objects before it and its own); a
 * full or empty page is counted as DRF counts every list.
 */
record CountedPage(long count, Rows rows) {

    static CountedPage of(Pagination.ScopedList list, long offset, long limit) {
        Rows rows = list.countedSlice(offset, limit);
        OptionalLong read = rows.readNow();
        if (read.isPresent()) {
            OptionalLong all = rows.countOfAll();
            if (all.isPresent()) {
                return new CountedPage(all.getAsLong(), rows);
            }
            if (read.getAsLong() < limit && (read.getAsLong() > 0 || offset == 0)) {
                return new CountedPage(offset + read.getAsLong(), rows);
            }
        }
        return new CountedPage(list.count(), rows);
    }
}
