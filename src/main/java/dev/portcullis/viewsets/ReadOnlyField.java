package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * DRF's {@code ReadOnlyField}: the attribute's value as it is, such as the primary key or
 * {@code source="owner.username"}.
 */
public final class ReadOnlyField extends Field<ReadOnlyField> {

    ReadOnlyField(String name) {
        super(name);
        readOnly();
    }

    private Class<?> attributeType = String.class;

    @Override
    void bind(Class<?> attributeType) {
        this.attributeType = attributeType;
    }

    /** A model's own attribute has its type's name (an id is an {@code integer}); a path through a relation none. */
    @Override
    String metadataType() {
        return source().contains(".") ? "field" : FieldInfo.typeOf(attributeType);
    }

    @Override
    protected Schema schema() {
        return Schemas.ofJavaType(attributeType);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(String.class, Long.class, long.class, Integer.class, int.class, Boolean.class, boolean.class,
                BigDecimal.class, OffsetDateTime.class, java.time.LocalDate.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) {
        throw new IllegalStateException("a read-only field is never written");
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof OffsetDateTime time) {
            DateTimeField.writeIso(json, time);
        } else {
            writeText(json, value.toString());
        }
    }
}
