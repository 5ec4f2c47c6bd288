package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.web.Payload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DRF's {@code ModelSerializer}, declared: the entity and its fields in the order the API shows them. Each field
 * names the attribute it reads ({@code owner.username} through a relation), checked against the entity's
 * mapping at start-up; lists read those attributes in one query, without loading entities. Writing validates
 * every writable field and answers DRF's 400 with each field's errors; fields a client sends that are not
 * declared, or are read-only, are ignored, as DRF ignores them.
 *
 * @param <E> the entity
 */
public final class ModelSerializer<E> {

    private final Class<E> model;
    private final List<Field<?>> fields;
    /** The fields' names as JSON bytes, made once: each object of a list writes them. */
    private final SerializableString[] names;

    private ModelSerializer(Class<E> model, List<Field<?>> fields) {
        this.model = model;
        this.fields = fields;
        this.names = fields.stream().map(field -> new SerializedString(field.name())).toArray(SerializableString[]::new);
    }

    public static <E> ModelSerializer<E> of(Class<E> model, Field<?>... fields) {
        List<String> names = new ArrayList<>();
        for (Field<?> field : fields) {
            if (names.contains(field.name())) {
                throw new IllegalArgumentException(model.getSimpleName() + " serializer: field '" + field.name()
                        + "' is declared twice");
            }
            names.add(field.name());
        }
        return new ModelSerializer<>(model, List.of(fields));
    }

    public Class<E> model() {
        return model;
    }

    public List<Field<?>> fields() {
        return fields;
    }

    /** The field of this name. */
    Field<?> field(String name) {
        for (Field<?> field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException(model.getSimpleName() + " serializer has no field '" + name + "'");
    }

    /**
     * DRF's {@code is_valid(raise_exception=True)}: the value of each writable field the payload sets.
     *
     * @param partial PATCH: absent fields are not required and stay as they are
     */
    Map<Field<?>, Object> validate(Payload payload, boolean partial) {
        return validate(payload, partial, (field, value) -> false, null, ValidationHooks.NONE);
    }

    /** Whether another object already holds a value in the field's unique column (DRF's {@code UniqueValidator}). */
    interface Uniqueness {
        boolean taken(Field<?> field, Object value);
    }

    /**
     * The same, each value then checked for uniqueness where its column is unique, and passed through the viewset's
     * {@code validateX} hook for its field.
     */
    Map<Field<?>, Object> validate(Payload payload, boolean partial, Uniqueness uniqueness, Object viewSet,
                                   ValidationHooks hooks) {
        payload.validate();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Field<?> field : fields) {
            if (field.isReadOnly()) {
                continue;
            }
            JsonNode value = payload.read(field.name(), partial, field.formReading());
            value = value == null ? null : field.asValidated(value);
            try {
                if (value == null) {
                    if (!partial && field.isRequired()) {
                        throw new Field.Invalid(Field.REQUIRED);
                    }
                } else if (value.isNull()) {
                    if (!field.allowsNull()) {
                        throw new Field.Invalid(Field.NULL);
                    }
                    values.put(field, null);
                } else {
                    Object internal = field.toInternalValue(value);
                    if (uniqueness.taken(field, internal)) {
                        throw new Field.Invalid(ConstraintErrors.alreadyExists(model, field.name()));
                    }
                    values.put(field, internal);
                }
                if (values.containsKey(field)) {
                    hooks.run(viewSet, field, values);
                }
            } catch (Field.Invalid invalid) {
                errors.put(field.name(), invalid.messages());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationError(errors);
        }
        return values;
    }

    /** One object as the API shows it, from the values of the fields' attributes in declaration order. */
    Representation represent(Object[] row, int first) {
        return new Representation(this, row, first);
    }

    /** Writes one object: each value writes itself, with no JSON tree in between. */
    void write(Object[] row, int first, JsonGenerator json) throws IOException {
        boolean namesAsBytes = JsonText.escapesAsJsonRequires(json);
        json.writeStartObject();
        for (int i = 0; i < fields.size(); i++) {
            Field<?> field = fields.get(i);
            if (namesAsBytes) {
                json.writeFieldName(names[i]);
            } else {
                json.writeFieldName(field.name());
            }
            Object value = row[first + i];
            if (value == null) {
                json.writeNull();
            } else {
                field.write(json, value);
            }
        }
        json.writeEndObject();
    }
}
