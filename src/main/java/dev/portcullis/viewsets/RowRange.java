package dev.portcullis.viewsets;

import jakarta.persistence.TypedQuery;

/**
 * The rows of a list that a query reads: from an offset, at most so many ({@link #ALL}: every one).
 * <p>
 * PostgreSQL keeps one plan for a prepared statement only when a plan made for any values of its parameters is
 * estimated to cost no more than the plans made for each; else it plans every execution anew. It cannot know a
 * {@code LIMIT} or {@code OFFSET} that is a parameter, prices the statement as if a tenth of the list were read, and
 * so plans every page again — about as long as reading a small page. A range from the list's first row that a page
 * or a probe reads is therefore written into the query ({@code limit 20}), as Django writes every {@code LIMIT}, and
 * PostgreSQL then decides by its own rule. A range from a later row stays two parameters: one text per offset would
 * fill Hibernate's and the driver's caches of statements while a client walks a long list, for pages whose
 * planning is a smaller part of their cost.
 */
record RowRange(long offset, long most) {

    static final long ALL = -1;
    /** The largest {@code LIMIT} written as a number: a page read in one fetch, or the probe one row beyond it. */
    static final long MOST_WRITTEN = 1_000;

    RowRange {
        if (offset < 0 || most < ALL) {
            throw new IllegalArgumentException("no range of rows from " + offset + ", at most " + most);
        }
    }

    static RowRange first(long most) {
        return new RowRange(0, most);
    }

    RowRange atMost(long rows) {
        return new RowRange(offset, rows);
    }

    private boolean written() {
        return offset == 0 && most != ALL && most <= MOST_WRITTEN;
    }

    /** What the query's text ends with: its {@code limit}, or nothing when the range is bound as parameters. */
    String clause() {
        return written() ? " limit " + most : "";
    }

    /** The query with the range bound, when its text does not hold it. */
    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        if (written()) {
            return query;
        }
        if (offset > 0) {
            query.setFirstResult((int) Math.min(offset, Integer.MAX_VALUE));
        }
        return most == ALL ? query : query.setMaxResults((int) Math.min(most, Integer.MAX_VALUE));
    }
}
