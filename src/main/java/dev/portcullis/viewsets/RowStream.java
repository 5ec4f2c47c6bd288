package dev.portcullis.viewsets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.TypedQuery;
import org.hibernate.jpa.HibernateHints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A list read from the database while it is written, in bounded memory whatever its length or the size of its
 * objects. Its rows are small ({@link StreamedSelect}), and are handed on in chunks of at most {@value #CHUNK_ROWS}
 * rows or about {@value #CHUNK_CHARACTERS} characters, counting long text by its length, so that a chunk's long
 * text and relations to many objects are read in one query each.
 * <p>
 * A list that fits one fetch (a page, a short list) is read in one query, as it always was. A longer one is read
 * again through a cursor — its first fetch read twice, so that every row comes from one snapshot — unless the last
 * list of its query was long too ({@link LongLists}): then it is read through the cursor at once. PostgreSQL's
 * driver reads a result through a cursor only inside a transaction and with a fetch size (else it holds every row
 * before the first is given), so that query runs in a transaction of its own, which ends with the list — a list
 * still being written when the transaction timeout ({@code quarkus.transaction-manager.default-transaction-timeout})
 * passes is cut off.
 */
final class RowStream implements Rows.Source {

    static final int CHUNK_ROWS = 100;
    static final long CHUNK_CHARACTERS = 1 << 20;

    private final Function<RowRange, TypedQuery<Object[]>> query;
    /** The query's text without its range: what {@link LongLists} remembers. */
    private final String text;
    private final RowRange range;
    private final StreamedSelect select;
    /** Whether each row ends with the count of the whole list (only for a list that fits one fetch). */
    private final boolean countsAll;
    private final UnaryOperator<List<Object[]>> completion;
    /** The rows {@link #readNow} read, for {@link #forEachChunk} to write. */
    private List<Object[]> readAhead;

    /**
     * @param query      the list's query for a range of its rows, created when the list is written
     * @param text       the query's text, whatever the range
     * @param range      the rows of the list: from its first object, at most so many ({@link RowRange#ALL}: all)
     * @param countsAll  whether each row ends with the count of the whole list; only when it {@link #fitsOneFetch}
     * @param completion what a chunk needs before it is written (its long text, its relations to many)
     */
    RowStream(Function<RowRange, TypedQuery<Object[]>> query, String text, RowRange range, StreamedSelect select,
              boolean countsAll, UnaryOperator<List<Object[]>> completion) {
        if (countsAll && !fitsOneFetch(range.most(), select)) {
            throw new IllegalArgumentException("only a list read in one fetch is counted along");
        }
        this.query = query;
        this.text = text;
        this.range = range;
        this.select = select;
        this.countsAll = countsAll;
        this.completion = completion;
    }

    /**
     * Reads the list now when it is one fetch (a page), its long text and relations still read as it is written;
     * else reads nothing.
     *
     * @return how many objects the list has, when it was read
     */
    @Override
    public OptionalLong readNow() {
        return fitsOneFetch() ? OptionalLong.of(page().size()) : OptionalLong.empty();
    }

    private boolean fitsOneFetch() {
        return fitsOneFetch(range.most(), select);
    }

    /** Whether a list of at most {@code limit} rows (-1: all) is read in one fetch, when it is asked how long it is. */
    static boolean fitsOneFetch(long limit, StreamedSelect select) {
        return limit >= 0 && limit <= select.fetchSize();
    }

    /**
     * The count of the whole list its rows carry: known once a page of at least one row has been read, where the
     * count's column has a value (a page of granted objects counts only a full page).
     */
    @Override
    public OptionalLong countOfAll() {
        List<Object[]> rows = countsAll ? page() : List.of();
        Object count = rows.isEmpty() ? null : rows.get(0)[rows.get(0).length - 1];
        return count == null ? OptionalLong.empty() : OptionalLong.of(((Number) count).longValue());
    }

    /** The whole list when it fits one fetch, read once. */
    private List<Object[]> page() {
        if (readAhead == null) {
            readAhead = query.apply(range).getResultList();
        }
        return readAhead;
    }

    @Override
    public void forEachChunk(Rows.ChunkConsumer consumer) throws IOException {
        int fetch = select.fetchSize();
        boolean fits = fitsOneFetch();
        if (!fits && LongLists.expected(text)) {
            throughCursor(consumer);
            return;
        }
        List<Object[]> first = fits ? page() : query.apply(range.atMost(fetch + 1)).getResultList();
        readAhead = null;
        if (fits || first.size() <= fetch) {
            inChunks(first.iterator(), consumer);
            return;
        }
        first = null;  // read again, through a cursor: the rows the cursor reads are those of one snapshot
        throughCursor(consumer);
    }

    /** Reads the list through a cursor, in a transaction of its own, and remembers whether it was long. */
    private void throughCursor(Rows.ChunkConsumer consumer) throws IOException {
        try {
            long rows = QuarkusTransaction.requiringNew().call(() -> {
                try (Stream<Object[]> stream = query.apply(range).setHint(HibernateHints.HINT_FETCH_SIZE, select.fetchSize())
                        .getResultStream()) {
                    return inChunks(stream.iterator(), consumer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            LongLists.read(text, rows > select.fetchSize());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** @return how many rows there were */
    private long inChunks(Iterator<Object[]> rows, Rows.ChunkConsumer consumer) throws IOException {
        List<Object[]> chunk = new ArrayList<>();
        long characters = 0;
        long count = 0;
        while (rows.hasNext()) {
            Object[] row = rows.next();
            count++;
            long size = select.size(row);
            if (chunk.size() == CHUNK_ROWS || !chunk.isEmpty() && characters + size > CHUNK_CHARACTERS) {
                consumer.accept(completion.apply(chunk));
                chunk = new ArrayList<>();
                characters = 0;
            }
            chunk.add(row);
            characters += size;
        }
        if (!chunk.isEmpty()) {
            consumer.accept(completion.apply(chunk));
        }
        return count;
    }
}
