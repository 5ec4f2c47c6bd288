package dev.portcullis.viewsets;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An entity attribute named as Django names it in a lookup — {@code created_at}, {@code owner__username} — checked
 * against the mapping at start-up. Conditions on it go through relations by subquery
 * ({@code o.owner in (select r from User r where r.username = :v)}), never by an inner join, so that an
 * {@code or} of conditions (a search over several fields) keeps the objects whose relation is empty.
 */
final class AttributePath {

    /** The entity of each relation the path goes through, then the attribute itself. */
    private final List<String> relations;
    private final List<String> entities;
    private final String attribute;
    private final Class<?> type;
    private final String relationId;

    private AttributePath(List<String> relations, List<String> entities, String attribute, Class<?> type,
                          String relationId) {
        this.relations = relations;
        this.entities = entities;
        this.attribute = attribute;
        this.type = type;
        this.relationId = relationId;
    }

    /**
     * Resolves {@code a__b__c} (or {@code a.b.c}; snake or camel case) on an entity.
     *
     * @throws IllegalStateException naming what the entity lacks
     */
    static AttributePath resolve(Metamodel metamodel, Class<?> entity, String name) {
        String[] parts = name.contains("__") ? name.split("__") : name.split("\\.");
        ManagedType<?> current = metamodel.managedType(entity);
        List<String> relations = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            Attribute<?, ?> found = attribute(current, parts[i], name);
            boolean last = i == parts.length - 1;
            if (found.isCollection()) {
                throw new IllegalStateException("'" + name + "': " + parts[i] + " is a collection, which filters, "
                        + "search and ordering do not go through");
            }
            if (!found.isAssociation()) {
                if (!last) {
                    throw new IllegalStateException("'" + name + "': " + parts[i] + " is not a relation");
                }
                return new AttributePath(relations, entities, found.getName(), found.getJavaType(), null);
            }
            ManagedType<?> target = metamodel.managedType(found.getJavaType());
            if (last) {
                SingularAttribute<?, ?> id = target.getSingularAttributes().stream().filter(SingularAttribute::isId)
                        .findFirst().orElseThrow(() -> new IllegalStateException("'" + name + "': "
                                + found.getJavaType().getSimpleName() + " has no single id"));
                return new AttributePath(relations, entities, found.getName(), id.getJavaType(), id.getName());
            }
            relations.add(found.getName());
            entities.add(((EntityType<?>) target).getName());
            current = target;
        }
        throw new IllegalStateException("'" + name + "': no attribute named");
    }

    private static Attribute<?, ?> attribute(ManagedType<?> type, String part, String name) {
        for (String candidate : new String[]{Field.camelCase(part), part}) {
            try {
                return type.getAttribute(candidate);
            } catch (IllegalArgumentException e) {
                // try the name as written
            }
        }
        throw new IllegalStateException("'" + name + "': " + type.getJavaType().getSimpleName()
                + " has no attribute '" + part + "'");
    }

    /** The Java type of the attribute; of the related object's id where the path ends at a relation. */
    Class<?> type() {
        return type;
    }

    /** Whether the path ends at a relation (and so compares the related object's id). */
    boolean isRelation() {
        return relationId != null;
    }

    /** Whether the path goes through a relation (and so cannot be one of the list's columns). */
    boolean isDirect() {
        return relations.isEmpty();
    }

    /**
     * A condition on the attribute of the object {@code root}: {@code test} is given the attribute's expression.
     *
     * @param alias a prefix for the subqueries' aliases, unique in the query
     */
    String condition(String root, String alias, Function<String, String> test) {
        return condition(root, alias, 0, test);
    }

    private String condition(String root, String alias, int depth, Function<String, String> test) {
        if (depth == relations.size()) {
            return test.apply(root + "." + attribute + (relationId == null ? "" : "." + relationId));
        }
        String inner = alias + depth;
        return root + "." + relations.get(depth) + " in (select " + inner + " from " + entities.get(depth) + " "
                + inner + " where " + condition(inner, alias, depth + 1, test) + ")";
    }
}
