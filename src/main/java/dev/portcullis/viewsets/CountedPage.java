package dev.portcullis.viewsets;

import java.util.OptionalLong;

/**
 * A page of a list and the list's count. A page read in one fetch that is not full tells the count itself (the
 * objects before it and its own), so a list that fits a page costs one statement, not a count and a page; a full
 * or empty page is counted as DRF counts every list.
 */
record CountedPage(long count, Rows rows) {

    static CountedPage of(Pagination.ScopedList list, long offset, long limit) {
        Rows rows = list.slice(offset, limit);
        OptionalLong read = rows.readNow();
        if (read.isPresent() && read.getAsLong() < limit && (read.getAsLong() > 0 || offset == 0)) {
            return new CountedPage(offset + read.getAsLong(), rows);
        }
        return new CountedPage(list.count(), rows);
    }
}
