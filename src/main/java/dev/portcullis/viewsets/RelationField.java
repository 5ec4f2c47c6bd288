package dev.portcullis.viewsets;

/**
 * A field that reaches objects of another entity, and the scope it reaches them in: by default what the viewset
 * that shows the entity would let the caller retrieve; {@link #anyObject()} widens that to every object,
 * {@link #visibleThrough} names the viewset when the entity has several. Both are declarations the policy lockfile
 * records.
 *
 * @param <F> the field's own type, so that its options chain
 */
public abstract class RelationField<F extends RelationField<F>> extends Field<F> {

    private final Class<?> target;
    private Class<?> through;
    private boolean anyObject;
    private String scope;

    RelationField(String name, Class<?> target) {
        super(name);
        this.target = target;
    }

    /** Any object of the entity, whoever asks (DRF's {@code queryset=Model.objects.all()}, or a nested serializer). */
    public F anyObject() {
        this.anyObject = true;
        return self();
    }

    /** What this viewset would let the caller retrieve (when more than one viewset shows the entity). */
    public F visibleThrough(Class<? extends GenericViewSet<?>> viewSet) {
        this.through = viewSet;
        return self();
    }

    Class<?> target() {
        return target;
    }

    Class<?> through() {
        return through;
    }

    boolean reachesAnyObject() {
        return anyObject;
    }

    /** The scope, in words, as the policy lockfile records it (once bound at start-up). */
    String scope() {
        return scope;
    }

    void bindScope(String scope) {
        this.scope = scope;
    }

    @SuppressWarnings("unchecked")
    private F self() {
        return (F) this;
    }
}
