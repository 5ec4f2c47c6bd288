package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Objects of a list as the query returned them, written as the serializer shows them only when the answer is
 * sent: a list of a thousand objects holds their values, not a JSON tree of them as well.
 */
public final class Rows implements JsonSerializable {

    private final ModelSerializer<?> serializer;
    private final List<Object[]> rows;

    Rows(ModelSerializer<?> serializer, List<Object[]> rows) {
        this.serializer = serializer;
        this.rows = rows;
    }

    static Rows none() {
        return new Rows(null, List.of());
    }

    public int size() {
        return rows.size();
    }

    /** The first {@code count} objects. */
    Rows head(long count) {
        return new Rows(serializer, rows.subList(0, (int) Math.min(count, rows.size())));
    }

    Rows reversed() {
        List<Object[]> backwards = new ArrayList<>(rows);
        Collections.reverse(backwards);
        return new Rows(serializer, backwards);
    }

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartArray();
        for (Object[] row : rows) {
            serializer.write(row, 0, json);
        }
        json.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
            throws IOException {
        serialize(json, provider);
    }
}
