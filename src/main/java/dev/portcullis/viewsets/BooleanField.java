package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

import java.util.List;
import java.util.Set;

/** DRF's {@code BooleanField}: JSON booleans, 1 and 0, and the words DRF knows ("yes", "off", …). */
public final class BooleanField extends Field<BooleanField> {

    private static final Set<String> TRUE = Set.of("t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON", "1");
    private static final Set<String> FALSE = Set.of("f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF", "0");

    BooleanField(String name) {
        super(name);
    }

    @Override
    List<Class<?>> javaTypes() {
        return List.of(Boolean.class, boolean.class);
    }

    @Override
    Object toInternalValue(JsonNode data) throws Invalid {
        if (data.isBoolean()) {
            return data.booleanValue();
        }
        if (data.isNumber() && (data.doubleValue() == 1 || data.doubleValue() == 0)) {
            return data.doubleValue() == 1;
        }
        if (data.isTextual() && (TRUE.contains(data.textValue()) || FALSE.contains(data.textValue()))) {
            return TRUE.contains(data.textValue());
        }
        throw new Invalid("Must be a valid boolean.");
    }

    @Override
    JsonNode toRepresentation(Object value) {
        return BooleanNode.valueOf((Boolean) value);
    }
}
