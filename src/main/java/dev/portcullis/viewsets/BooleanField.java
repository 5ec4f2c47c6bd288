package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.web.Payload;

import java.io.IOException;
import java.util.List;

/** DRF's {@code BooleanField}: JSON booleans, 1 and 0, and the words DRF knows ("yes", "off", …). */
public final class BooleanField extends Field<BooleanField> {

    BooleanField(String name) {
        super(name);
    }

    @Override
    Object initial() {
        return false;
    }

    /** A boolean a form leaves out is false (DRF's {@code default_empty_html}): an unticked checkbox sends nothing. */
    @Override
    JsonNode leftOutOfForm() {
        return Payload.FormReading.UNTICKED;
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(Boolean.class, boolean.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        return Payload.readBoolean(data).orElseThrow(() -> new Invalid("Must be a valid boolean."));
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        json.writeBoolean((Boolean) value);
    }
}
