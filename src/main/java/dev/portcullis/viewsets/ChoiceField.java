package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

/** DRF's {@code ChoiceField} over text choices: anything else is {@code "\"x\" is not a valid choice."}. */
public final class ChoiceField extends Field<ChoiceField> {

    private final List<String> choices;

    ChoiceField(String name, List<String> choices) {
        super(name);
        this.choices = List.copyOf(choices);
    }

    List<String> choices() {
        return choices;
    }

    @Override
    protected Schema schema() {
        return Schemas.of(Schema.SchemaType.STRING).enumeration(List.copyOf(choices));
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(String.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        String input = pythonStr(data);
        if (data.isValueNode() && choices.contains(input)) {
            return input;
        }
        throw new Invalid("\"" + input + "\" is not a valid choice.");
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        json.writeString(value.toString());
    }
}
