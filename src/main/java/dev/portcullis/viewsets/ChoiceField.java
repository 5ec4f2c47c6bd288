package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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
    String metadataType() {
        return "choice";
    }

    /** DRF lists the choices of a field a client writes, each its own display name. */
    @Override
    void describe(Map<String, Object> info) {
        if (!isReadOnly()) {
            info.put("choices", choices.stream().map(FieldInfo::choice).toList());
        }
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
        writeText(json, value.toString());
    }
}
