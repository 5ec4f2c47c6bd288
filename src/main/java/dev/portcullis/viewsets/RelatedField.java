package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * DRF's {@code PrimaryKeyRelatedField} and {@code SlugRelatedField} on a relation to one object: shown as the
 * related object's id (or slug), written as one — and, unlike DRF, resolved only among the objects the caller could
 * retrieve from the related entity's viewset (its queryset and permissions, as a {@code GET} of the object by this
 * caller would run them). An object the caller may not see is "does not exist", exactly as one that is not there.
 * {@link #anyObject()} widens that to every object, {@link #visibleThrough} names the viewset when the entity has
 * several; both are declarations the policy lockfile records.
 */
public final class RelatedField extends RelationField<RelatedField> {

    private final String slugField;
    private boolean many;
    private Class<?> readType;
    private String shownAttribute;
    private Function<Object, Optional<Object>> resolver;

    RelatedField(String name, Class<?> target, String slugField) {
        super(name, target);
        this.slugField = slugField;
    }

    /**
     * DRF's {@code many=True}: a relation to many objects ({@code @ManyToMany}), shown and written as a list of ids
     * (or slugs); every one must resolve, and writing replaces the whole set.
     */
    public RelatedField many() {
        this.many = true;
        return this;
    }

    boolean isMany() {
        return many;
    }

    @Override
    Object initial() {
        return many ? List.of() : null;
    }

    /** A form sends a relation to many as its name repeated, {@code members=1&members=2}. */
    @Override
    boolean readsManyFromAForm() {
        return many;
    }

    /** The attribute of the related object that the field shows: its slug, or else its id ({@code null}). */
    String slugField() {
        return slugField;
    }

    /** At start-up: the attribute of the related object that is shown, and its type. */
    void bindShownType(Class<?> type, String attribute) {
        this.readType = type;
        this.shownAttribute = attribute;
    }

    /** The related object's attribute a value is compared with ({@code id}, or the slug's attribute). */
    String shownAttribute() {
        return shownAttribute;
    }

    /** At start-up: how a value is looked up for the caller (by {@link #shownAttribute()}), and that scope in words. */
    void bindResolver(Function<Object, Optional<Object>> lookup, String scope) {
        this.resolver = lookup;
        bindScope(scope);
    }

    /** The related object's id (or slug); a list of them for {@link #many()}. */
    @Override
    protected Schema schema() {
        Schema one = Schemas.ofJavaType(readType);
        return many ? Schemas.of(Schema.SchemaType.ARRAY).items(one) : one;
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return many ? List.of(List.class, java.util.Collection.class) : List.of(target());
    }

    /** DRF's {@code RelatedField.run_validation}: an empty string is null, for a relation to one object. */
    @Override
    JsonNode asValidated(JsonNode data) {
        return !many && data.isTextual() && data.textValue().isEmpty() ? NullNode.getInstance() : data;
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        if (!many) {
            return one(data);
        }
        // DRF's ManyRelatedField: a list (a JSON object iterates as its keys, as a dict does), each item resolved.
        if (!data.isContainerNode()) {
            throw new Invalid("Expected a list of items but got type \"" + pythonType(data) + "\".");
        }
        List<Object> related = new ArrayList<>();
        if (data.isObject()) {
            for (java.util.Iterator<String> keys = data.fieldNames(); keys.hasNext(); ) {
                related.add(one(JsonNodeFactory.instance.textNode(keys.next())));
            }
        } else {
            for (JsonNode item : data) {
                related.add(one(item));
            }
        }
        return related;
    }

    private Object one(JsonNode data) throws Invalid {
        Object key = slugField == null ? primaryKey(data) : slug(data);
        Optional<Object> found = key == null ? Optional.empty() : resolver.apply(key);
        if (found.isEmpty()) {
            throw new Invalid(slugField == null ? "Invalid pk \"" + pythonStr(data) + "\" - object does not exist."
                    : "Object with " + slugField + "=" + pythonStr(data) + " does not exist.");
        }
        return found.get();
    }

    /**
     * The id in a value as Django reads one for an integer primary key ({@code int(value)}: {@code "7"} and
     * {@code 7.9} are 7); {@code null} for an id no object can have.
     */
    private Object primaryKey(JsonNode data) throws Invalid {
        BigInteger id;
        if (data.isNull()) {
            return null;  // an item of a list: DRF looks up pk=None, which no object has
        } else if (data.isIntegralNumber()) {
            id = data.bigIntegerValue();
        } else if (data.isNumber() && Double.isFinite(data.doubleValue())) {
            id = data.decimalValue().toBigInteger();
        } else if (data.isTextual()) {
            id = PythonText.parseInt(data.textValue()).orElseThrow(() -> incorrectType("str"));
        } else {
            throw incorrectType(pythonType(data));
        }
        if (id.bitLength() > 63 || id.signum() < 0) {
            return null;
        }
        if (readType == Integer.class || readType == int.class) {
            return id.bitLength() > 31 ? null : id.intValue();
        }
        return id.longValue();
    }

    /** The name of the Python type DRF would have read the JSON value as. */
    private static String pythonType(JsonNode data) {
        if (data.isBoolean()) {
            return "bool";
        }
        if (data.isNull()) {
            return "NoneType";
        }
        return data.isArray() ? "list" : data.isObject() ? "dict" : data.isTextual() ? "str"
                : data.isIntegralNumber() ? "int" : "float";
    }

    private static Invalid incorrectType(String pythonType) {
        return new Invalid("Incorrect type. Expected pk value, received " + pythonType + ".");
    }

    /** A slug as Django compares it with a text column: the value's text. */
    private Object slug(JsonNode data) throws Invalid {
        if (readType != String.class) {
            throw new Invalid("Invalid value.");
        }
        String slug = pythonStr(data);
        return slug.indexOf('\0') >= 0 ? null : slug;
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof List<?> values) {
            json.writeStartArray();
            for (Object shown : values) {
                write(json, shown);
            }
            json.writeEndArray();
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else {
            writeText(json, value.toString());
        }
    }
}
