package dev.portcullis.viewsets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DRF's {@code attrs} in {@code validate(attrs)}: the values a request sets, after every field and every
 * {@code validateX} hook passed — and, for an update, the object as it is before them.
 *
 * @param <E> the entity
 */
public final class Attributes<E> {

    private final EntityModel<E> model;
    private final Map<Field<?>, Object> values;
    private final E object;
    private final boolean created;

    /**
     * @param object  the object the values will be written to: the one updated, or the new one (with its defaults)
     * @param created whether the object is new
     */
    Attributes(EntityModel<E> model, Map<Field<?>, Object> values, E object, boolean created) {
        this.model = model;
        this.values = values;
        this.object = object;
        this.created = created;
    }

    /** Whether the request sets the field (a PATCH sets only what it sends). */
    public boolean sets(String field) {
        return values.containsKey(model.serializer().field(field));
    }

    /**
     * The field's value once the request is applied: the one it sends, else the object's current one (on create, the
     * entity's default) — DRF's {@code attrs.get(name, getattr(self.instance, name, None))}.
     */
    @SuppressWarnings("unchecked")
    public <T> T value(String field) {
        Field<?> declared = model.serializer().field(field);
        if (values.containsKey(declared)) {
            return (T) values.get(declared);
        }
        return (T) model.current(object, declared);
    }

    /** The object being updated, or empty on create (DRF's {@code self.instance}). */
    public Optional<E> instance() {
        return created ? Optional.empty() : Optional.of(object);
    }

    /** The values, by field name. */
    public Map<String, Object> asMap() {
        Map<String, Object> byName = new LinkedHashMap<>();
        values.forEach((field, value) -> byName.put(field.name(), value));
        return byName;
    }
}
