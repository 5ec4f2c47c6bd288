package dev.portcullis.viewsets;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.ListScope;
import dev.portcullis.security.guard.ObjectLookup;
import dev.portcullis.security.guard.SerializerInfo;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DRF's {@code GenericViewSet}: a resource over one entity, with its serializer, its scope and its pagination.
 * What a subclass declares — {@link #getQueryset}, the serializer, extra actions — is all that differs between
 * viewsets; how objects are found, checked, listed and written is here, once:
 * <ul>
 *   <li>{@link #getObject} finds the object in the same scoped query as the list (what a list hides is a 404
 *   for every action), then runs every permission's object-level check;</li>
 *   <li>a list is the scoped query, restricted by the permissions' object-level rules, paginated;</li>
 *   <li>every action with an unsafe HTTP method runs in a transaction ({@link UnsafeActionsInTransaction}).</li>
 * </ul>
 *
 * @param <E> the entity
 */
@UnsafeActionsInTransaction
public abstract class GenericViewSet<E> implements ObjectLookup, SerializerInfo {

    private final ModelSerializer<E> serializer;
    private ViewSetSupport support;
    private volatile Declarations declarations;

    protected GenericViewSet(ModelSerializer<E> serializer) {
        this.serializer = serializer;
    }

    @Inject
    public void setViewSetSupport(ViewSetSupport support) {
        this.support = support;
    }

    /**
     * DRF's {@code get_queryset()}: the objects the caller may see, as a condition on the entity (alias
     * {@code o}); every object by default. Lists, every lookup and explanations use it.
     */
    protected QueryRestriction getQueryset(Caller caller) {
        return QueryRestriction.NONE;
    }

    /** DRF's {@code pagination_class}: by default the configured one. */
    protected Pagination pagination() {
        return support.defaultPagination();
    }

    /**
     * A query parameter of the request ({@code request.query_params.get(name)}: the last of a repeated one), empty
     * when there is none — or no request at all, as when start-up checks {@link #getQueryset} and
     * {@link #pagination}.
     */
    protected final Optional<String> queryParameter(String name) {
        return support.requestInProgress() ? support.queryParameters().last(name) : Optional.empty();
    }

    /** The user the request is authenticated as (DRF's {@code request.user}). */
    protected final Caller caller() {
        return support.guard.caller();
    }

    /**
     * DRF's {@code get_object()}: the object of the path's id within the caller's queryset, after every
     * permission's object-level check. Not there, not visible, or not an id: 404.
     */
    protected final E getObject(String id) {
        return load(id).object();
    }

    /** The object as the database holds it once this request's changes are written (an extra action's answer). */
    protected final Representation represent(E object) {
        support.entityManager.flush();
        return model().stored(support.entityManager, idOf(object));
    }

    final Object listObjects() {
        PageRequest page = support.pageRequest();
        QueryRestriction scope = scope(support.guard.policy(), support.guard.request()).and(filters().restrict(page.query()));
        String orderBy = filters().orderBy(page.query(), model().idPath());
        return pagination().paginate(new ScopedQuery(model(), support.entityManager, scope, orderBy), page);
    }

    /**
     * DRF's {@code get_object()}, which filters the queryset as the list does: an object the request's filters or
     * search leave out is a 404 too.
     */
    final EntityModel.Loaded<E> load(String id) {
        QueryRestriction scope = scope(support.guard.policy(), support.guard.request());
        if (!filters().isEmpty()) {
            scope = scope.and(filters().restrict(support.queryParameters()));
        }
        Optional<EntityModel.Loaded<E>> found = find(id, scope);
        support.objects.getObject(found.map(EntityModel.Loaded::object));
        return found.orElseThrow();
    }

    /** The viewset's filter backends, bound at start-up. */
    private ListFilters filters() {
        return declarations().filters();
    }

    final Declarations declarations() {
        Declarations bound = declarations;
        if (bound == null) {
            bound = support.declarations(viewSetClass());
            declarations = bound;
        }
        return bound;
    }

    /**
     * A validation error for DRF's {@code raise ValidationError("...")}: thrown by a {@code validateX} hook, the
     * field's error; by {@code validate(attrs)}, {@code non_field_errors}. The request's changes are rolled back.
     */
    protected static ValidationError invalid(String message) {
        return ValidationError.of(ValidationError.NON_FIELD_ERRORS, message);
    }

    @Override
    public final Optional<Object> lookupObject(String id, EndpointPolicy policy, AccessRequest request) {
        return find(id, policy, request).map(EntityModel.Loaded::object);
    }

    /** The scope each writable relation field resolves in, for the policy lockfile; null when there is none. */
    @Override
    public final String relations() {
        StringBuilder relations = new StringBuilder();
        for (Field<?> field : serializer.fields()) {
            if (field instanceof RelatedField related && !related.isReadOnly()) {
                relations.append(relations.isEmpty() ? "" : "; ").append(field.name()).append(": ").append(related.scope());
            }
        }
        return relations.isEmpty() ? null : relations.toString();
    }

    /**
     * The object whose attribute has the value, as a request with this policy would find it in the scoped query (for
     * a relation that names objects by id or slug).
     */
    final Optional<Object> lookupBy(String attribute, Object value, EndpointPolicy policy, AccessRequest request) {
        return model().findBy(support.entityManager, scope(policy, request), attribute, value).map(Object.class::cast);
    }

    /** The objects with these ids, shown as this viewset shows them, as a request with this policy would find them. */
    final List<EntityModel.Loaded<E>> findAll(java.util.Collection<Object> ids, EndpointPolicy policy,
                                              AccessRequest request) {
        return model().findAll(support.entityManager, scope(policy, request), ids);
    }

    /** The objects with these ids, shown as this viewset shows them, whoever asks. */
    final List<EntityModel.Loaded<E>> findAll(java.util.Collection<Object> ids) {
        return model().findAll(support.entityManager, QueryRestriction.NONE, ids);
    }

    /** What each nested field may show, for the policy lockfile; null when there is none. */
    @Override
    public final String shownNested() {
        StringBuilder nested = new StringBuilder();
        for (Field<?> field : serializer.fields()) {
            if (field instanceof NestedField shown) {
                nested.append(nested.isEmpty() ? "" : "; ").append(field.name()).append(": ").append(shown.scope());
            }
        }
        return nested.isEmpty() ? null : nested.toString();
    }

    @Override
    public final String queryset() {
        for (Class<?> type = viewSetClass(); type != GenericViewSet.class; type = type.getSuperclass()) {
            if (java.util.Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals("getQueryset"))) {
                return type.getSimpleName() + ".getQueryset — " + dev.portcullis.security.lock.QueryConditions.of(this::getQueryset);
            }
        }
        return "all objects";
    }

    private Optional<EntityModel.Loaded<E>> find(String id, EndpointPolicy policy, AccessRequest request) {
        return find(id, scope(policy, request));
    }

    private Optional<EntityModel.Loaded<E>> find(String id, QueryRestriction scope) {
        return model().parseId(id).flatMap(pk -> model().find(support.entityManager, scope, pk));
    }

    /** The viewset's queryset, narrowed by the object-level rules of the action's permissions. */
    private QueryRestriction scope(EndpointPolicy policy, AccessRequest request) {
        return getQueryset(request.user()).and(ListScope.restrictionOf(policy, request));
    }

    final EntityModel<E> model() {
        return support.model(serializer);
    }

    final ViewSetSupport support() {
        return support;
    }

    final Object idOf(E object) {
        return support.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(object);
    }

    /** The viewset as declared (not the subclass the container may generate for its interceptors). */
    final Class<?> viewSetClass() {
        Class<?> type = getClass();
        while (type.getName().endsWith("_Subclass")) {
            type = type.getSuperclass();
        }
        return type;
    }

    ModelSerializer<E> serializer() {
        return serializer;
    }

    /** DRF's raw data form for a new object: each writable field's initial value, in the serializer's order. */
    @Override
    public final Map<String, Object> initialData(String template) {
        Map<String, Object> initial = new java.util.LinkedHashMap<>();
        for (Field<?> field : serializer.fields()) {
            if (!field.isReadOnly()) {
                initial.put(field.name(), field.initial());
            }
        }
        return initial;
    }

    /** DRF's {@code get_serializer_info}, for OPTIONS: a text field's length is its column's where it declares none. */
    @Override
    public final Map<String, Object> serializerInfo(String template) {
        model().readColumns(support.entityManager);
        return FieldInfo.of(serializer);
    }

    /**
     * Start-up: the queryset must be valid JPQL, for a signed-in user and for staff (an anonymous caller is not
     * asked: a viewset whose permissions keep anonymous requests out may assume a user).
     */
    final void checkQueryset(EntityModel<?> bound, EntityManager scratch) {
        for (boolean staff : new boolean[]{false, true}) {
            Caller caller = new Caller(0L, "startup-check", staff, false, Map.of());
            QueryRestriction restriction;
            try {
                restriction = getQueryset(caller);
            } catch (RuntimeException e) {
                throw new IllegalStateException(viewSetClass().getSimpleName() + ".getQueryset(Caller) failed at "
                        + "start-up, where it is called with no request to check its JPQL: " + e + ". Read the request "
                        + "with queryParameter(name), which is empty then; filters belong in @FilterFields, @Filter "
                        + "and @SearchFields", e);
            }
            if (restriction == null) {
                throw new IllegalStateException("getQueryset returned null: return QueryRestriction.NONE for every object");
            }
            try {
                bound.compileCount(scratch, restriction);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("getQueryset(" + caller + ") is not a valid condition on "
                        + serializer.model().getSimpleName() + " (alias o): " + e.getMessage(), e);
            }
        }
    }
}
