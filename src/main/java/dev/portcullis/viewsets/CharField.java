package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** DRF's {@code CharField} (and, with a rule, {@code EmailField}): text, trimmed, not blank unless allowed. */
public final class CharField extends Field<CharField> {

    private boolean allowBlank;
    private boolean trimWhitespace = true;
    private Integer maxLength;
    /** The length of the column the field writes, when it declares none ({@link EntityModel#readColumnLengths}). */
    private volatile Integer columnLength;
    private Integer minLength;
    private String format;
    private final List<Map.Entry<Predicate<String>, String>> rules = new ArrayList<>();

    CharField(String name) {
        super(name);
    }

    @Override
    boolean allowsBlank() {
        return allowBlank;
    }

    public CharField allowBlank() {
        allowBlank = true;
        return this;
    }

    /** DRF's {@code trim_whitespace=False}. */
    public CharField keepWhitespace() {
        trimWhitespace = false;
        return this;
    }

    public CharField maxLength(int length) {
        maxLength = length;
        return this;
    }

    /** The declared bound on the text's length, or {@code null} for none (a text column of any size). */
    Integer maxLength() {
        return maxLength;
    }

    void bindColumnLength(int length) {
        columnLength = length;
    }

    public CharField minLength(int length) {
        minLength = length;
        return this;
    }

    @Override
    Object initial() {
        return "";
    }

    @Override
    String metadataType() {
        return "email".equals(format) ? "email" : "uri".equals(format) ? "url" : "string";
    }

    @Override
    void describe(Map<String, Object> info) {
        if (!isReadOnly()) {
            FieldInfo.putIfSet(info, "min_length", minLength);
            FieldInfo.putIfSet(info, "max_length", maxLength != null ? maxLength : columnLength);
        }
    }

    /** The OpenAPI format of the text ({@code email}, {@code uri}). */
    CharField format(String format) {
        this.format = format;
        return this;
    }

    @Override
    protected Schema schema() {
        return Schemas.text(format).maxLength(maxLength).minLength(minLength);
    }

    /** A validator: the value must pass, or the field gets the message. */
    public CharField must(Predicate<String> rule, String message) {
        rules.add(Map.entry(rule, message));
        return this;
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(String.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        if (!(data.isTextual() || data.isNumber())) {
            throw new Invalid("Not a valid string.");
        }
        String text = pythonStr(data);
        if (text.isEmpty() || (trimWhitespace && PythonText.strip(text).isEmpty())) {
            if (!allowBlank) {
                throw new Invalid("This field may not be blank.");
            }
            return "";
        }
        String value = trimWhitespace ? PythonText.strip(text) : text;
        List<String> errors = new ArrayList<>();
        int length = value.codePointCount(0, value.length());
        Integer most = maxLength != null ? maxLength : columnLength;
        if (most != null && length > most) {
            errors.add("Ensure this field has no more than " + most + " characters.");
        }
        if (minLength != null && length < minLength) {
            errors.add("Ensure this field has at least " + minLength + " characters.");
        }
        if (value.indexOf('\0') >= 0) {
            errors.add("Null characters are not allowed.");
        }
        value.codePoints().filter(point -> point >= 0xD800 && point <= 0xDFFF).findFirst().ifPresent(surrogate ->
                errors.add(String.format("Surrogate characters are not allowed: U+%X.", surrogate)));
        for (Map.Entry<Predicate<String>, String> rule : rules) {
            if (!rule.getKey().test(value)) {
                errors.add(rule.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return value;
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        writeText(json, value.toString());
    }
}
