package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;

/** One object as its serializer shows it, written when the answer is sent. */
public final class Representation implements JsonSerializable {

    private final ModelSerializer<?> serializer;
    private final Object[] row;
    private final int first;

    Representation(ModelSerializer<?> serializer, Object[] row, int first) {
        this.serializer = serializer;
        this.row = row;
        this.first = first;
    }

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        serializer.write(row, first, json);
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
            throws IOException {
        serialize(json, provider);
    }
}
