package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

/**
 * DRF's {@code HiddenField(default=CurrentUserDefault())} and {@code ReadOnlyField(source="owner.username")} in
 * one: a relation to the user, set to the requesting user when an object is created, shown by username. A client
 * cannot set it.
 */
public final class CurrentUserField extends Field<CurrentUserField> {

    CurrentUserField(String name) {
        super(name);
        source(source() + ".username");
        readOnly();
    }

    /** The relation the field sets: the first attribute of its path. */
    String relation() {
        return source().substring(0, source().indexOf('.'));
    }

    /** DRF's {@code ReadOnlyField} through the relation: no type of its own. */
    @Override
    String metadataType() {
        return "field";
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(String.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) {
        throw new IllegalStateException("the current user is never read from a request");
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        writeText(json, value.toString());
    }
}
