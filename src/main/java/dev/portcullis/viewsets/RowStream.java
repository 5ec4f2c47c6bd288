package dev.portcullis.viewsets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.query.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * A list query read through a database cursor while the answer is written. PostgreSQL's driver reads a result
 * through a cursor only inside a transaction and with a fetch size (else it holds every row before the first is
 * given), so the query runs in a transaction of its own. The rows it reads are small — text of no declared bound
 * is read as its length ({@link EntityModel}) — and are handed on in chunks of at most {@value #CHUNK_ROWS} rows
 * or about {@value #CHUNK_CHARACTERS} characters, counting that text by its length, so that the text and the
 * relations to many objects of a chunk are read in one query each. Memory holds a fetch and a chunk, whatever
 * the length of the list or the size of its objects. The transaction reads one snapshot (repeatable read), so a
 * chunk's text is that of the rows the cursor found; it ends with the list: a list still being written when the
 * transaction timeout ({@code quarkus.transaction-manager.default-transaction-timeout}) passes is cut off.
 */
final class RowStream implements Rows.Source {

    static final int CHUNK_ROWS = 100;
    static final long CHUNK_CHARACTERS = 1 << 20;

    private final EntityManager entityManager;
    private final Supplier<TypedQuery<Object[]>> query;
    private final int fetchSize;
    private final ToLongFunction<Object[]> size;
    private final UnaryOperator<List<Object[]>> completion;

    /**
     * @param query      the list's query, created when the list is written
     * @param fetchSize  the rows of a round trip
     * @param size       a row's size in characters, counting the text it does not hold yet
     * @param completion what a chunk needs before it is written (its text, its relations to many)
     */
    RowStream(EntityManager entityManager, Supplier<TypedQuery<Object[]>> query, int fetchSize,
              ToLongFunction<Object[]> size, UnaryOperator<List<Object[]>> completion) {
        this.entityManager = entityManager;
        this.query = query;
        this.fetchSize = fetchSize;
        this.size = size;
        this.completion = completion;
    }

    @Override
    public void forEachChunk(Rows.ChunkConsumer consumer) throws IOException {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                oneSnapshot();
                stream(consumer);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void oneSnapshot() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void stream(Rows.ChunkConsumer consumer) {
        Query<Object[]> list = query.get().unwrap(Query.class);
        try (ScrollableResults<Object[]> rows = list.setFetchSize(fetchSize).scroll(ScrollMode.FORWARD_ONLY)) {
            List<Object[]> chunk = new ArrayList<>();
            long characters = 0;
            while (rows.next()) {
                Object[] row = rows.get();
                long rowSize = size.applyAsLong(row);
                if (chunk.size() == CHUNK_ROWS || !chunk.isEmpty() && characters + rowSize > CHUNK_CHARACTERS) {
                    consumer.accept(completion.apply(chunk));
                    chunk = new ArrayList<>();
                    characters = 0;
                }
                chunk.add(row);
                characters += rowSize;
            }
            if (!chunk.isEmpty()) {
                consumer.accept(completion.apply(chunk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
