package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.models.media.Schema;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DRF's nested serializer, read-only ({@code book = BookSerializer(read_only=True)}): a relation to one object,
 * shown as the viewset that shows the related entity shows it — and, unlike DRF, only when the caller could retrieve
 * it there (its queryset and permissions, as a {@code GET} of the object by this caller would run them); an object
 * the caller may not see is shown as {@code null}, as an empty relation is. {@code anyObject()} shows it whoever
 * asks (DRF's behaviour). The related objects of a page are read in one more query.
 */
public final class NestedField extends RelationField<NestedField> {

    private String component;
    private ModelSerializer<?> shownAs;
    private Function<Collection<Object>, Map<Object, Representation>> loader;

    NestedField(String name, Class<?> target) {
        super(name, target);
        readOnly();
    }

    /** At start-up: the serializer of the objects shown (the viewset's that shows them), and its OpenAPI schema. */
    void bindShownAs(ModelSerializer<?> serializer, String component) {
        this.shownAs = serializer;
        this.component = component;
    }

    @Override
    String metadataType() {
        return "nested object";
    }

    @Override
    void describe(Map<String, Object> info) {
        info.put("children", FieldInfo.of(shownAs));
    }

    @Override
    protected Schema schema() {
        return Schemas.ref(component);
    }

    /** At start-up: how the related objects of some rows are read for the caller, by id, and that scope in words. */
    void bindLoader(Function<Collection<Object>, Map<Object, Representation>> loader, String scope) {
        this.loader = loader;
        bindScope(scope);
    }

    /** The representations of the related objects with these ids that the caller may see, by id. */
    Map<Object, Representation> load(Collection<Object> ids) {
        return loader.apply(ids);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(target());
    }

    @Override
    protected Object toInternalValue(JsonNode data) {
        throw new IllegalStateException("a nested representation is read-only");
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        ((Representation) value).serialize(json, null);
    }
}
