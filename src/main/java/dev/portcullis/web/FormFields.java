package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a form as Django's {@code QueryDict} holds them: every value sent under a name, in order. A field
 * reads the last ({@code dict[name]}); a field of many values, such as a relation to many objects, reads them all
 * ({@code getlist}), so {@code members=1&members=2} is two members.
 */
final class FormFields {

    private final Map<String, List<JsonNode>> values = new LinkedHashMap<>();

    /** Adds a value under a name, after any sent before it. */
    void add(String name, JsonNode value) {
        values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    void add(String name, String value) {
        add(name, JsonNodeFactory.instance.textNode(value));
    }

    /** Adds every value of another form's names after this form's (Django's {@code MultiValueDict.update}). */
    void addAll(FormFields other) {
        other.values.forEach((name, list) -> list.forEach(value -> add(name, value)));
    }

    /** Each name's last value, the form as most fields read it. */
    ObjectNode lastValues() {
        ObjectNode last = JsonNodeFactory.instance.objectNode();
        values.forEach((name, list) -> last.set(name, list.get(list.size() - 1)));
        return last;
    }

    /** Every value sent under the name ({@code getlist}): empty when the form has none. */
    ArrayNode all(String name) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        values.getOrDefault(name, List.of()).forEach(all::add);
        return all;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
