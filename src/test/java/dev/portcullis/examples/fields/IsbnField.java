package dev.portcullis.examples.fields;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.viewsets.Field;

import java.io.IOException;
import java.util.List;

/** A field type of one's own: an ISBN-13, hyphens allowed, kept as its 13 digits when the check digit is right. */
public final class IsbnField extends Field<IsbnField> {

    public IsbnField(String name) {
        super(name);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(String.class);
    }

    @Override
    public Object toInternalValue(JsonNode data) throws Invalid {
        String digits = data.isTextual() ? data.textValue().replace("-", "") : "";
        if (!digits.matches("\\d{13}")) {
            throw new Invalid("Enter an ISBN-13.");
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        if (sum % 10 != 0) {
            throw new Invalid("The check digit of \"" + pythonStr(data) + "\" is wrong.");
        }
        return digits;
    }

    @Override
    public void write(JsonGenerator json, Object value) throws IOException {
        json.writeString(value.toString());
    }
}
