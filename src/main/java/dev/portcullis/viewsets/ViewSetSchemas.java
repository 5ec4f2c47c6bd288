package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schemas of the viewsets' objects, derived from their serializers as drf-spectacular derives them
 * (with {@code COMPONENT_SPLIT_REQUEST}): the object as answered ({@code Post}), as a create or a full update writes
 * it ({@code PostRequest}: its writable fields, the required ones required) and as a partial update writes it
 * ({@code PatchedPostRequest}: nothing required). A viewset's schemas are named after its entity, or after the
 * viewset when several viewsets show one entity.
 */
public final class ViewSetSchemas {

    private final Map<Class<?>, String> names = new HashMap<>();

    ViewSetSchemas(List<GenericViewSet<?>> viewSets) {
        Map<Class<?>, Long> showing = new HashMap<>();
        viewSets.forEach(viewSet -> showing.merge(viewSet.serializer().model(), 1L, Long::sum));
        for (GenericViewSet<?> viewSet : viewSets) {
            Class<?> model = viewSet.serializer().model();
            names.put(viewSet.viewSetClass(), showing.get(model) == 1 ? model.getSimpleName()
                    : viewSet.viewSetClass().getSimpleName());
        }
    }

    /** The name of the schema of the objects a viewset shows. */
    public String nameOf(Class<?> viewSetClass) {
        return names.get(viewSetClass);
    }

    /** Adds the three schemas of a viewset's objects. */
    void addTo(Components components, GenericViewSet<?> viewSet) {
        String name = nameOf(viewSet.viewSetClass());
        components.addSchema(name, object(viewSet.serializer(), Shape.ANSWERED));
        components.addSchema(name + "Request", object(viewSet.serializer(), Shape.WRITTEN));
        components.addSchema("Patched" + name + "Request", object(viewSet.serializer(), Shape.PATCHED));
    }

    private enum Shape { ANSWERED, WRITTEN, PATCHED }

    private static Schema object(ModelSerializer<?> serializer, Shape shape) {
        Schema object = Schemas.of(Schema.SchemaType.OBJECT);
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Field<?> field : serializer.fields()) {
            if (shape != Shape.ANSWERED && field.isReadOnly()) {
                continue;
            }
            Schema value = field.schema();
            boolean nullable = field.allowsNull() || (shape == Shape.ANSWERED && field instanceof NestedField);
            if (nullable) {
                value = value.getRef() != null
                        ? OASFactory.createSchema().addAnyOf(value).addAnyOf(Schemas.of(Schema.SchemaType.NULL))
                        : value.addType(Schema.SchemaType.NULL);
            }
            if (shape == Shape.ANSWERED && field.isReadOnly()) {
                value = value.getRef() != null ? OASFactory.createSchema().addAllOf(value).readOnly(true)
                        : value.readOnly(true);
            }
            if (field.helpText() != null) {
                // drf-spectacular's description of a field: its help text (a reference cannot carry one beside it).
                value = value.getRef() != null ? OASFactory.createSchema().addAllOf(value) : value;
                value.description(field.helpText());
            }
            properties.put(field.name(), value);
            if (shape == Shape.ANSWERED || (shape == Shape.WRITTEN && field.isRequired())) {
                object.addRequired(field.name());
            }
        }
        return object.properties(properties);
    }
}
