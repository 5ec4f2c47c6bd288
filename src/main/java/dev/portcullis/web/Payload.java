package dev.portcullis.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.portcullis.security.core.ValidationError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A request body (JSON or form) with DRF's serializer field rules and messages: read each field through
 * {@link #text} or {@link #bool}, then {@link #validate()} throws one 400 with every field's errors.
 */
@Schema(name = "Body")
public final class Payload {

    public static final String REQUIRED = "This field is required.";

    private final JsonNode root;
    /** The form the body was, or {@code null}: DRF's "HTML input", whose fields are read by other rules ({@link #read}). */
    @Schema(hidden = true)
    private final FormFields form;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private boolean partial;

    public Payload(JsonNode root) {
        this(root, null);
    }

    private Payload(JsonNode root, FormFields form) {
        this.root = root;
        this.form = form;
    }

    /** A form: its fields read as the last value sent under their names, or all of them ({@link FormReading#many}). */
    static Payload ofForm(FormFields fields) {
        return new Payload(fields.lastValues(), fields);
    }

    /**
     * How a field reads a form ({@code Field.get_value} for HTML input): whether it is required, may be null, may be
     * blank, and what it reads when the form leaves it out (DRF's {@code default_empty_html}; {@code null}: nothing);
     * or, for a field of many values, every value sent under its name ({@code getlist}: none when it is left out).
     */
    public record FormReading(boolean required, boolean allowsNull, boolean allowsBlank, JsonNode leftOut,
                              boolean many) {

        public FormReading(boolean required, boolean allowsNull, boolean allowsBlank, JsonNode leftOut) {
            this(required, allowsNull, allowsBlank, leftOut, false);
        }

        /** A boolean left out of a form is false: an unticked checkbox sends nothing, even where the default is true. */
        public static final JsonNode UNTICKED = BooleanNode.FALSE;
    }

    /**
     * The value a field reads from the body, {@code null} when it is left out. A JSON body gives its member as it
     * is. A form gives {@link FormReading#leftOut} for a field it leaves out (unless partial), and an empty value
     * reads as null where the field may be null, or as left out where the field is optional — unless the field
     * may be blank, which keeps it. A field of many values reads all of a form's values under its name, as a list.
     */
    public JsonNode read(String field, boolean partial, FormReading reading) {
        JsonNode value = root.isObject() ? root.get(field) : null;
        if (form == null) {
            return value;
        }
        if (reading.many()) {  // DRF's ManyRelatedField.get_value
            return partial && !form.has(field) ? null : form.all(field);
        }
        if (value == null) {
            return partial ? null : reading.leftOut();
        }
        if (value.isTextual() && value.textValue().isEmpty() && (reading.allowsNull() || !reading.required())) {
            return reading.allowsBlank() ? value : reading.allowsNull() ? NullNode.instance : null;
        }
        return value;
    }

    public static Payload empty() {
        return new Payload(JsonNodeFactory.instance.objectNode());
    }

    /** For PATCH: absent fields are not required and mean "unchanged" (DRF's {@code partial=True}). */
    public Payload partial() {
        this.partial = true;
        return this;
    }

    public TextField text(String field) {
        return new TextField(field);
    }

    public BooleanField bool(String field) {
        return new BooleanField(field);
    }

    public PrimaryKeyField primaryKey(String field) {
        return new PrimaryKeyField(field);
    }

    /** The body as it was parsed, for a serializer that reads its fields itself. */
    public JsonNode json() {
        return root;
    }

    /** Whether the body has the field at all (even as {@code null}). */
    public boolean has(String field) {
        return value(field) != null;
    }

    /** Records an error on a field (or on {@link ValidationError#NON_FIELD_ERRORS}). */
    public void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** DRF's {@code is_valid(raise_exception=True)}. */
    public void validate() {
        if (root.isNull()) {  // DRF's "more descriptive error than 'this field may not be null'"
            throw ValidationError.of(ValidationError.NON_FIELD_ERRORS, "No data provided");
        }
        if (!root.isObject()) {
            throw ValidationError.of(ValidationError.NON_FIELD_ERRORS,
                    "Invalid data. Expected a dictionary, but got " + pythonType(root) + ".");
        }
        if (!errors.isEmpty()) {
            throw new ValidationError(errors);
        }
    }

    private JsonNode value(String field) {
        return root.isObject() ? root.get(field) : null;
    }

    /** DRF's {@code validate_empty_values}: true when the field has a value to convert. */
    private boolean present(String field, JsonNode value) {
        if (value == null) {
            if (!partial && root.isObject()) {
                error(field, REQUIRED);
            }
            return false;
        }
        if (value.isNull()) {
            error(field, "This field may not be null.");
            return false;
        }
        return true;
    }

    private static String pythonType(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isObject()) {
            return "dict";
        }
        if (node.isTextual()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return "NoneType";
    }

    /** DRF's {@code CharField}. */
    public final class TextField {

        private final String field;
        private boolean trim = true;
        private boolean allowBlank;
        private int maxLength = Integer.MAX_VALUE;
        private UnaryOperator<String> normalizer = UnaryOperator.identity();
        private final List<Map.Entry<Predicate<String>, String>> rules = new ArrayList<>();

        private TextField(String field) {
            this.field = field;
        }

        /** DRF's {@code trim_whitespace=False}. */
        public TextField keepWhitespace() {
            trim = false;
            return this;
        }

        public TextField allowBlank() {
            allowBlank = true;
            return this;
        }

        public TextField maxLength(int length) {
            maxLength = length;
            return this;
        }

        /** Django's {@code to_python}: the value is normalised before its length and rules are checked. */
        public TextField normalized(UnaryOperator<String> normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        /** A validator: the value must pass, or the field gets the message. */
        public TextField must(Predicate<String> rule, String message) {
            rules.add(Map.entry(rule, message));
            return this;
        }

        /** The value; when absent, an error (or {@code null} in a partial payload). */
        public String required() {
            JsonNode value = read(field, partial, new FormReading(true, false, allowBlank, null));
            return present(field, value) ? convert(value) : null;
        }

        /** The value, or the default when absent ({@code null} in a partial payload: unchanged). */
        public String optional(String defaultValue) {
            JsonNode value = read(field, partial, new FormReading(false, false, allowBlank, null));
            if (value == null) {
                return partial ? null : defaultValue;
            }
            return present(field, value) ? convert(value) : null;
        }

        private String convert(JsonNode value) {
            if (!(value.isTextual() || value.isNumber())) {
                error(field, "Not a valid string.");
                return null;
            }
            String text = normalizer.apply(trim ? PythonStr.of(value).strip() : PythonStr.of(value));
            if (text.isEmpty()) {
                if (!allowBlank) {
                    error(field, "This field may not be blank.");
                    return null;
                }
                return text;
            }
            if (text.codePointCount(0, text.length()) > maxLength) {
                error(field, "Ensure this field has no more than " + maxLength + " characters.");
                return null;
            }
            for (Map.Entry<Predicate<String>, String> rule : rules) {
                if (!rule.getKey().test(text)) {
                    error(field, rule.getValue());
                    return null;
                }
            }
            return text;
        }
    }

    /** DRF's {@code PrimaryKeyRelatedField}'s conversion: an integer, or a string of one. */
    public final class PrimaryKeyField {

        private final String field;

        private PrimaryKeyField(String field) {
            this.field = field;
        }

        /** The value; when absent, an error (or {@code null} in a partial payload). */
        public Long required() {
            JsonNode value = read(field, partial, new FormReading(true, false, false, null));
            return present(field, value) ? convert(value) : null;
        }

        /** The value, or {@code null} when absent. */
        public Long optional() {
            JsonNode value = read(field, partial, new FormReading(false, false, false, null));
            return value == null || !present(field, value) ? null : convert(value);
        }

        private Long convert(JsonNode value) {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
            if (value.isTextual() && value.textValue().strip().matches("[0-9]{1,18}")) {
                return Long.parseLong(value.textValue().strip());
            }
            error(field, value.isTextual() || value.isIntegralNumber()
                    ? "Invalid pk \"" + PythonStr.of(value) + "\" - object does not exist."
                    : "Incorrect type. Expected pk value, received " + pythonType(value) + ".");
            return null;
        }
    }

    /** DRF's {@code BooleanField}. */
    public final class BooleanField {

        private final String field;

        private BooleanField(String field) {
            this.field = field;
        }

        /** The value, or the default when absent ({@code null} in a partial payload: unchanged). */
        public Boolean optional(Boolean defaultValue) {
            JsonNode value = read(field, partial, new FormReading(false, false, false, FormReading.UNTICKED));
            if (value == null) {
                return partial ? null : defaultValue;
            }
            if (!present(field, value)) {
                return null;
            }
            Optional<Boolean> read = readBoolean(value);
            if (read.isEmpty()) {
                error(field, "Must be a valid boolean.");
            }
            return read.orElse(null);
        }
    }

    private static final Set<String> TRUE = Set.of("t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON", "1");
    private static final Set<String> FALSE = Set.of("f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF", "0");

    /** DRF's {@code BooleanField} reading: JSON booleans, 1 and 0, and the words DRF knows; empty for anything else. */
    public static Optional<Boolean> readBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isNumber() && (value.doubleValue() == 1 || value.doubleValue() == 0)) {
            return Optional.of(value.doubleValue() == 1);
        }
        if (value.isTextual() && (TRUE.contains(value.textValue()) || FALSE.contains(value.textValue()))) {
            return Optional.of(TRUE.contains(value.textValue()));
        }
        return Optional.empty();
    }
}
