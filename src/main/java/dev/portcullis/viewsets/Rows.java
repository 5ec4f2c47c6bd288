package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * Objects of a list, written as the serializer shows them only when the answer is sent: either held (a page a
 * cursor seeks, at most a page size of them) or streamed from the database chunk by chunk while the answer is
 * written ({@link RowStream}), so that a list of any length is served in bounded memory.
 */
public final class Rows implements JsonSerializable {

    /** Gives the rows to a consumer, a chunk at a time. */
    @FunctionalInterface
    interface Source {
        void forEachChunk(ChunkConsumer consumer) throws IOException;

        /** Reads the rows before they are written, when they are few: how many there are; else empty. */
        default OptionalLong readNow() {
            return OptionalLong.empty();
        }

        /** How many objects the whole list has, when the statement that read these rows counted it too. */
        default OptionalLong countOfAll() {
            return OptionalLong.empty();
        }
    }

    @FunctionalInterface
    interface ChunkConsumer {
        void accept(List<Object[]> chunk) throws IOException;
    }

    private final ModelSerializer<?> serializer;
    private final Source source;
    private final List<Object[]> held;

    private Rows(ModelSerializer<?> serializer, Source source, List<Object[]> held) {
        this.serializer = serializer;
        this.source = source;
        this.held = held;
    }

    static Rows held(ModelSerializer<?> serializer, List<Object[]> rows) {
        return new Rows(serializer, consumer -> consumer.accept(rows), rows);
    }

    static Rows streamed(ModelSerializer<?> serializer, Source source) {
        return new Rows(serializer, source, null);
    }

    static Rows none() {
        return held(null, List.of());
    }

    /**
     * How many objects these are, read now when they are one fetch from the database (a page) or already held;
     * empty for a longer list, which is read only as it is written.
     */
    OptionalLong readNow() {
        return held != null ? OptionalLong.of(held.size()) : source.readNow();
    }

    /** How many objects the whole list has, when the statement that read these rows counted it too; else empty. */
    OptionalLong countOfAll() {
        return held != null ? OptionalLong.empty() : source.countOfAll();
    }

    /** The first {@code count} objects. */
    Rows head(long count) {
        List<Object[]> rows = heldRows();
        return held(serializer, rows.subList(0, (int) Math.min(count, rows.size())));
    }

    Rows reversed() {
        List<Object[]> backwards = new ArrayList<>(heldRows());
        Collections.reverse(backwards);
        return held(serializer, backwards);
    }

    private List<Object[]> heldRows() {
        if (held == null) {
            throw new IllegalStateException("streamed rows are read once, as they are written");
        }
        return held;
    }

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartArray();
        source.forEachChunk(chunk -> {
            for (Object[] row : chunk) {
                serializer.write(row, 0, json);
            }
        });
        json.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
            throws IOException {
        serialize(json, provider);
    }
}
