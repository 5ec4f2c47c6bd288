package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.web.Payload;
import dev.portcullis.web.PythonStr;

import java.io.IOException;

import java.util.List;
import java.util.Map;

/**
 * One field of a {@link ModelSerializer}, as DRF's serializer fields: its name in the API, the entity attribute it
 * reads and writes ({@code source}, by default the name in camel case: {@code created_at} → {@code createdAt}),
 * and DRF's rules for empty values, conversion and validation, with DRF's messages.
 *
 * <p>A field type of one's own extends this class, as a DRF field extends {@code Field}: {@link #javaTypes} (the
 * attribute types it can hold, checked at start-up), {@link #toInternalValue} ({@code to_internal_value}: the
 * value, or {@link Invalid} with the messages) and {@link #write} ({@code to_representation}).
 *
 * @param <F> the field's own type, so that its options chain
 */
public abstract class Field<F extends Field<F>> {

    static final String REQUIRED = "This field is required.";
    static final String NULL = "This field may not be null.";

    private final String name;
    private String source;
    private boolean readOnly;
    private boolean required = true;
    private boolean allowNull;
    private String label;
    private String helpText;

    protected Field(String name) {
        this.name = name;
        this.source = camelCase(name);
    }

    /** Reads another attribute, or a path through a relation such as {@code owner.username} (read-only). */
    public F source(String attributePath) {
        this.source = attributePath;
        return self();
    }

    /** Shown, never written: a value a client sends for it is ignored, as DRF ignores it. */
    public F readOnly() {
        this.readOnly = true;
        return self();
    }

    /** May be left out: a new object then keeps its entity's default, an update its current value. */
    public F optional() {
        this.required = false;
        return self();
    }

    /** Accepts {@code null}. */
    public F allowNull() {
        this.allowNull = true;
        return self();
    }

    /** DRF's {@code label}: what OPTIONS calls the field, instead of its name in words ({@code created_at}: Created at). */
    public F label(String label) {
        this.label = label;
        return self();
    }

    /** DRF's {@code help_text}: what OPTIONS and the OpenAPI document say of the field. */
    public F helpText(String text) {
        this.helpText = text;
        return self();
    }

    String label() {
        return label;
    }

    String helpText() {
        return helpText;
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    boolean isRequired() {
        return required;
    }

    boolean allowsNull() {
        return allowNull;
    }

    /**
     * The value the browsable page's form starts a new object from (DRF's {@code initial}): none for most fields, an
     * empty text, an unticked box, an empty list.
     */
    Object initial() {
        return null;
    }

    /** What DRF's {@code run_validation} makes of a value before it looks for null: for most fields, the value. */
    JsonNode asValidated(JsonNode data) {
        return data;
    }

    /** How the field reads a form's value (DRF's {@code get_value} for HTML input). */
    final Payload.FormReading formReading() {
        return new Payload.FormReading(required, allowNull, allowsBlank(), leftOutOfForm(), readsManyFromAForm());
    }

    /** Whether the field reads every value a form sends under its name, as a list (DRF's {@code getlist}). */
    boolean readsManyFromAForm() {
        return false;
    }

    /** Whether an empty string is a value of the field (DRF's {@code allow_blank}). */
    boolean allowsBlank() {
        return false;
    }

    /** What the field reads when a form leaves it out (DRF's {@code default_empty_html}); {@code null}: nothing. */
    JsonNode leftOutOfForm() {
        return null;
    }

    /** DRF's name of the field's type in an OPTIONS answer ({@code string}, {@code integer}, ...). */
    String metadataType() {
        return FieldInfo.typeOf(javaTypes().get(0));
    }

    /** What the field adds to its OPTIONS description beyond its type, label and flags (DRF's bounds and choices). */
    void describe(Map<String, Object> info) {
    }

    /** The Java types the field converts to, checked against the entity attribute at start-up. */
    protected abstract List<Class<?>> javaTypes();

    /** Adapts the field to the entity attribute it was found to write, at start-up. */
    void bind(Class<?> attributeType) {
    }

    /** DRF's {@code to_internal_value}, then its validators: the value, or the errors. */
    protected abstract Object toInternalValue(JsonNode data) throws Invalid;

    /**
     * The OpenAPI schema of a value the field writes and reads (drf-spectacular's view of a DRF field): by default
     * the schema of its first Java type. Whether it is read-only, required or nullable is added by the serializer.
     */
    protected Schema schema() {
        return Schemas.ofJavaType(javaTypes().get(0));
    }

    /** DRF's {@code to_representation}: writes a value that is not null as one JSON value. */
    protected abstract void write(JsonGenerator json, Object value) throws IOException;

    /** Writes text as {@link JsonGenerator#writeString(String)} does, the same bytes, faster ({@link JsonText}). */
    protected static void writeText(JsonGenerator json, String text) throws IOException {
        JsonText.write(json, text);
    }

    /** A value the field refuses, with DRF's messages for it (DRF's {@code self.fail(...)}). */
    public static final class Invalid extends Exception {

        private final List<String> messages;

        public Invalid(String... messages) {
            this(List.of(messages));
        }

        public Invalid(List<String> messages) {
            super(null, null, false, false);
            this.messages = messages;
        }

        public List<String> messages() {
            return messages;
        }
    }

    @SuppressWarnings("unchecked")
    private F self() {
        return (F) this;
    }

    static String camelCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Python's {@code str()} of a JSON value, as DRF's messages quote a client's input. */
    protected static String pythonStr(JsonNode data) {
        return PythonStr.of(data);
    }
}
