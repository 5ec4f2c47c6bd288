package dev.portcullis.viewsets;

import dev.portcullis.security.guard.ObjectVisibility;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;

import jakarta.persistence.PersistenceUnitUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At start-up, gives each {@link RelatedField} the scope it resolves values in: by default what the related entity's
 * viewset would let the caller retrieve. A relation to an entity that no viewset shows, or that several show, must
 * say which scope it means ({@code anyObject()} or {@code visibleThrough(...)}): start-up names the field and the fix.
 */
final class RelatedScopes {

    private final List<GenericViewSet<?>> viewSets;
    private final ObjectVisibility visibility;
    private final EntityManager entityManager;
    private final Metamodel metamodel;
    private final ViewSetSchemas schemas;

    RelatedScopes(List<GenericViewSet<?>> viewSets, ObjectVisibility visibility, EntityManager entityManager,
                  Metamodel metamodel, ViewSetSchemas schemas) {
        this.viewSets = viewSets;
        this.visibility = visibility;
        this.entityManager = entityManager;
        this.metamodel = metamodel;
        this.schemas = schemas;
    }

    void bind(GenericViewSet<?> viewSet) {
        for (Field<?> field : viewSet.serializer().fields()) {
            try {
                if (field instanceof RelatedField related && !related.isReadOnly()) {
                    bind(related);
                } else if (field instanceof NestedField nested) {
                    bind(nested, new ArrayList<>(List.of(viewSet.viewSetClass())));
                }
            } catch (IllegalStateException e) {
                throw new IllegalStateException("Invalid viewset " + viewSet.viewSetClass().getSimpleName()
                        + ": field '" + field.name() + "': " + e.getMessage(), e);
            }
        }
    }

    /**
     * A nested field shows the related object as the viewset that shows its entity does; a chain of nested fields
     * that comes back to a viewset it went through would nest without end, and is refused.
     */
    private void bind(NestedField field, List<Class<?>> chain) {
        GenericViewSet<?> shownBy = scopeOf(field.target(), field.through(), "a nested field shows "
                + field.target().getSimpleName() + " as the viewset that shows it does: add one");
        Class<?> viewSet = shownBy.viewSetClass();
        if (chain.contains(viewSet)) {
            chain.add(viewSet);
            throw new IllegalStateException("nested representations go round in a circle ("
                    + String.join(" → ", chain.stream().map(Class::getSimpleName).toList())
                    + "): show one of the relations by id with related(...)");
        }
        chain.add(viewSet);
        for (Field<?> inner : shownBy.serializer().fields()) {
            if (inner instanceof NestedField nested) {
                bind(nested, chain);
            }
        }
        chain.remove(chain.size() - 1);
        field.bindShownAs(shownBy.serializer(), schemas.nameOf(viewSet));
        if (field.reachesAnyObject()) {
            field.bindLoader(ids -> byId(shownBy.findAll(ids)), "any object, shown as " + viewSet.getSimpleName()
                    + " shows it");
            return;
        }
        visibility.retrievePolicy(viewSet);
        field.bindLoader(ids -> byId(visibility.retrievableAmong(viewSet,
                        (policy, request) -> shownBy.findAll(ids, policy, request), EntityModel.Loaded::object)),
                "what " + viewSet.getSimpleName() + " lets the caller retrieve, shown as it shows it");
    }

    private Map<Object, Representation> byId(List<? extends EntityModel.Loaded<?>> found) {
        Map<Object, Representation> byId = new HashMap<>();
        PersistenceUnitUtil ids = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        found.forEach(loaded -> byId.put(ids.getIdentifier(loaded.object()), loaded.representation()));
        return byId;
    }

    private void bind(RelatedField field) {
        String attribute = field.shownAttribute();
        if (field.reachesAnyObject()) {
            String entity = ((EntityType<?>) metamodel.managedType(field.target())).getName();
            String query = "select t from " + entity + " t where t." + attribute + " = :value order by t.id";
            field.bindResolver(value -> FirstParses.query(entityManager, query, Object.class)
                    .setParameter("value", value).setMaxResults(1).getResultStream().findFirst(), "any object");
            return;
        }
        GenericViewSet<?> scope = scopeOf(field.target(), field.through(), "nothing says which "
                + field.target().getSimpleName() + " objects a caller may link to: declare .anyObject() to allow every "
                + "one, or add a viewset");
        Class<?> viewSet = scope.viewSetClass();
        visibility.retrievePolicy(viewSet);
        field.bindResolver(value -> visibility.retrievable(viewSet,
                (policy, request) -> scope.lookupBy(attribute, value, policy, request)),
                "what " + viewSet.getSimpleName() + " lets the caller retrieve");
    }

    /**
     * The one viewset that shows the entity (or the one named).
     *
     * @param noneShowsIt what to do when no viewset shows the entity
     */
    private GenericViewSet<?> scopeOf(Class<?> entity, Class<?> through, String noneShowsIt) {
        List<GenericViewSet<?>> showing = viewSets.stream().filter(viewSet -> through != null
                ? viewSet.viewSetClass() == through
                : viewSet.serializer().model() == entity).toList();
        String target = entity.getSimpleName();
        if (showing.isEmpty()) {
            throw new IllegalStateException(through != null ? through.getSimpleName()
                    + " is not a viewset" : "no viewset shows " + target + ": " + noneShowsIt);
        }
        if (showing.size() > 1) {
            throw new IllegalStateException(showing.size() + " viewsets show " + target + ": declare "
                    + ".visibleThrough(...) with the one whose retrieve decides what a caller may link to");
        }
        if (showing.get(0).serializer().model() != entity) {
            throw new IllegalStateException(showing.get(0).viewSetClass().getSimpleName() + " shows "
                    + showing.get(0).serializer().model().getSimpleName() + ", not " + target);
        }
        if (!(showing.get(0) instanceof ReadOnlyModelViewSet<?>)) {
            throw new IllegalStateException(showing.get(0).viewSetClass().getSimpleName() + " has no retrieve action "
                    + "to decide what a caller may link to: declare .anyObject() or .visibleThrough(...)");
        }
        return showing.get(0);
    }
}
