package dev.portcullis.viewsets;

import dev.portcullis.security.guard.ObjectVisibility;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;

import java.util.List;
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

    RelatedScopes(List<GenericViewSet<?>> viewSets, ObjectVisibility visibility, EntityManager entityManager,
                  Metamodel metamodel) {
        this.viewSets = viewSets;
        this.visibility = visibility;
        this.entityManager = entityManager;
        this.metamodel = metamodel;
    }

    void bind(GenericViewSet<?> viewSet) {
        for (Field<?> field : viewSet.serializer().fields()) {
            if (field instanceof RelatedField related && !related.isReadOnly()) {
                try {
                    bind(related);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("Invalid viewset " + viewSet.viewSetClass().getSimpleName()
                            + ": field '" + field.name() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    private void bind(RelatedField field) {
        String attribute = field.shownAttribute();
        if (field.resolvesAnyObject()) {
            String entity = ((EntityType<?>) metamodel.managedType(field.target())).getName();
            String query = "select t from " + entity + " t where t." + attribute + " = :value order by t.id";
            field.bindResolver(value -> entityManager.createQuery(query, Object.class).setParameter("value", value)
                    .setMaxResults(1).getResultStream().findFirst(), "any object");
            return;
        }
        GenericViewSet<?> scope = scopeOf(field);
        Class<?> viewSet = scope.viewSetClass();
        visibility.retrievePolicy(viewSet);
        field.bindResolver(value -> visibility.retrievable(viewSet,
                (policy, request) -> scope.lookupBy(attribute, value, policy, request)),
                "what " + viewSet.getSimpleName() + " lets the caller retrieve");
    }

    private GenericViewSet<?> scopeOf(RelatedField field) {
        List<GenericViewSet<?>> showing = viewSets.stream().filter(viewSet -> field.through() != null
                ? viewSet.viewSetClass() == field.through()
                : viewSet.serializer().model() == field.target()).toList();
        String target = field.target().getSimpleName();
        if (showing.isEmpty()) {
            throw new IllegalStateException(field.through() != null ? field.through().getSimpleName()
                    + " is not a viewset" : "no viewset shows " + target + ", so nothing says which " + target
                    + " objects a caller may link to: declare .anyObject() to allow every one, or add a viewset");
        }
        if (showing.size() > 1) {
            throw new IllegalStateException(showing.size() + " viewsets show " + target + ": declare "
                    + ".visibleThrough(...) with the one whose retrieve decides what a caller may link to");
        }
        if (showing.get(0).serializer().model() != field.target()) {
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
