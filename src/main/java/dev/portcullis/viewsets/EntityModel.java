package dev.portcullis.viewsets;

import dev.portcullis.security.core.AllowedIds;
import dev.portcullis.security.core.QueryRestriction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * A serializer bound to its entity's mapping, once, at start-up: every field's attribute path checked (a typo or
 * a field of the wrong type stops start-up), the queries derived from the paths, and the writable attributes
 * set through Hibernate's own accessors, so that dirty checking sees every change.
 *
 * @param <E> the entity
 */
public final class EntityModel<E> {

    private static final String ROOT = QueryRestriction.ROOT;
    private static final String LOOKUP = "portcullisLookup";

    private final ModelSerializer<E> serializer;
    private final Class<?> idType;
    private final String idPath;
    private final String entityName;
    private final List<String> columns;
    private final String select;
    private final String from;
    private final Map<Field<?>, AttributeMapping> writable = new LinkedHashMap<>();
    /** Whether the columns' lengths and unique columns have been read ({@link #readColumns}). */
    private volatile boolean columnsRead;
    /** The fields whose column alone is unique. */
    private volatile Set<Field<?>> uniqueFields = Set.of();
    private final List<Class<?>> attributeTypes = new ArrayList<>();
    private java.lang.reflect.Constructor<E> constructor;
    private final Map<AttributeMapping, Class<?>> currentUserRelations = new LinkedHashMap<>();
    private final List<ManyRelation> manyRelations = new ArrayList<>();
    private final List<NestedRelation> nestedRelations = new ArrayList<>();
    private StreamedSelect streamed;

    /** A relation to many objects: the row's column that holds the object's id, and the query for the related. */
    private record ManyRelation(Field<?> field, int index, String select, String ownerPath, String orderBy,
                                Class<?> collectionType) {

        String query(InList owners) {
            return select + " where " + owners.condition() + " order by " + orderBy;
        }
    }

    /** A nested representation: the row's column that holds the related object's id. */
    private record NestedRelation(NestedField field, int index) {
    }

    private EntityModel(ModelSerializer<E> serializer, Class<?> idType, String idPath, String entityName,
                        List<String> columns, String from) {
        this.serializer = serializer;
        this.entityName = entityName;
        this.columns = List.copyOf(columns);
        this.select = String.join(", ", columns);
        this.idType = idType;
        this.idPath = idPath;
        this.from = from;
    }

    static <E> EntityModel<E> bind(ModelSerializer<E> serializer, EntityManagerFactory factory) {
        Class<E> model = serializer.model();
        Metamodel metamodel = factory.getMetamodel();
        EntityType<E> entity;
        try {
            entity = metamodel.entity(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(model.getName() + " is not an entity");
        }
        SingularAttribute<? super E, ?> id = entity.getSingularAttributes().stream().filter(SingularAttribute::isId)
                .findFirst().orElseThrow(() -> new IllegalStateException(model.getSimpleName() + " has no single id"));
        if (id.getJavaType() != Long.class && id.getJavaType() != Integer.class) {
            throw new IllegalStateException(model.getSimpleName() + "'s id is a " + id.getJavaType().getSimpleName()
                    + ": viewsets look objects up by integer ids");
        }
        Map<String, String> joins = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        for (Field<?> field : serializer.fields()) {
            columns.add(column(metamodel, entity, field, joins, types, ROOT + "." + id.getName()));
        }
        StringBuilder from = new StringBuilder(" from " + entity.getName() + " " + ROOT);
        joins.forEach((path, alias) -> from.append(" left join ").append(path).append(' ').append(alias));
        EntityModel<E> bound = new EntityModel<>(serializer, id.getJavaType(), ROOT + "." + id.getName(),
                entity.getName(), columns, from.toString());
        bound.attributeTypes.addAll(types);
        try {
            bound.constructor = model.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(model.getSimpleName() + " has no constructor without parameters");
        }
        EntityPersister persister = factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(model);
        for (int i = 0; i < serializer.fields().size(); i++) {
            if (serializer.fields().get(i) instanceof RelatedField related && related.isMany()) {
                String targetId = metamodel.managedType(related.target()).getSingularAttributes().stream()
                        .filter(SingularAttribute::isId).findFirst().map(Attribute::getName).orElseThrow();
                bound.manyRelations.add(new ManyRelation(related, i, "select o." + id.getName() + ", r."
                        + related.shownAttribute() + " from " + entity.getName() + " o join o." + related.source() + " r",
                        "o." + id.getName(), "r." + targetId, entity.getAttribute(related.source()).getJavaType()));
            }
            if (serializer.fields().get(i) instanceof NestedField nested) {
                bound.nestedRelations.add(new NestedRelation(nested, i));
            }
        }
        bound.streamed = StreamedSelect.plan(serializer.fields(), columns, types, ROOT, bound.idPath, entity.getName(), LOOKUP);
        for (Field<?> field : serializer.fields()) {
            if (!field.isReadOnly()) {
                bound.writable.put(field, persister.findAttributeMapping(field.source()));
            }
            if (field instanceof CurrentUserField user) {
                bound.currentUserRelations.put(persister.findAttributeMapping(user.relation()),
                        entity.getAttribute(user.relation()).getJavaType());
            }
        }
        return bound;
    }

    /** The select expression of a field, joining the relations its path goes through. */
    private static String column(Metamodel metamodel, ManagedType<?> entity, Field<?> field, Map<String, String> joins,
                                 List<Class<?>> types, String rootId) {
        String where = entity.getJavaType().getSimpleName() + " serializer, field '" + field.name() + "'";
        String[] path = field.source().split("\\.");
        if (path.length > 1 && !field.isReadOnly()) {
            throw new IllegalStateException(where + ": a field read through a relation (" + field.source()
                    + ") can only be read-only");
        }
        ManagedType<?> type = entity;
        String alias = ROOT;
        for (int i = 0; i < path.length; i++) {
            Attribute<?, ?> attribute;
            try {
                attribute = type.getAttribute(path[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + type.getJavaType().getSimpleName() + " has no attribute '"
                        + path[i] + "' (source '" + field.source() + "')");
            }
            if (i == path.length - 1) {
                if (field instanceof RelatedField related && related.isMany()) {
                    return collectionColumn(metamodel, related, attribute, types, where, rootId);
                }
                if (!field.javaTypes().contains(attribute.getJavaType())) {
                    throw new IllegalStateException(where + ": " + field.getClass().getSimpleName() + " cannot show "
                            + attribute.getJavaType().getSimpleName() + " attribute '" + field.source() + "'");
                }
                if (!field.isReadOnly() && attribute instanceof SingularAttribute<?, ?> singular && singular.isId()) {
                    throw new IllegalStateException(where + ": the id is chosen by the database: declare it readOnly");
                }
                field.bind(attribute.getJavaType());
                if (field instanceof RelatedField related) {
                    return relatedColumn(metamodel, related, alias + "." + path[i], joins, types, where);
                }
                if (field instanceof NestedField) {
                    return nestedColumn(metamodel, attribute.getJavaType(), alias + "." + path[i], joins, types);
                }
                types.add(attribute.getJavaType());
                return alias + "." + path[i];
            }
            if (!attribute.isAssociation() || attribute.isCollection()) {
                throw new IllegalStateException(where + ": '" + path[i] + "' is not a relation to one object");
            }
            String joined = alias + "." + path[i];
            alias = joins.computeIfAbsent(joined, j -> "j" + (joins.size() + 1));
            type = metamodel.managedType(attribute.getJavaType());
        }
        throw new IllegalStateException(where + ": empty source");
    }

    /**
     * A relation to many objects has no column of its own: the row holds the object's id, and the related objects'
     * ids (or slugs) are read for all the rows of a page at once ({@link #withCollections}).
     */
    private static String collectionColumn(Metamodel metamodel, RelatedField field, Attribute<?, ?> attribute,
                                           List<Class<?>> types, String where, String rootId) {
        if (!(attribute instanceof PluralAttribute<?, ?, ?> plural) || plural.getElementType().getJavaType() != field.target()) {
            throw new IllegalStateException(where + ": many() needs a collection of " + field.target().getSimpleName()
                    + " (@ManyToMany), not " + attribute.getJavaType().getSimpleName());
        }
        ManagedType<?> target = metamodel.managedType(field.target());
        String shown = field.slugField() != null ? Field.camelCase(field.slugField())
                : target.getSingularAttributes().stream().filter(SingularAttribute::isId).findFirst()
                .map(Attribute::getName).orElseThrow();
        field.bindShownType(target.getAttribute(shown).getJavaType(), shown);
        types.add(Long.class);
        return rootId;
    }

    /** A related field's column: the related object's id or slug, through a left join (an empty relation is null). */
    private static String relatedColumn(Metamodel metamodel, RelatedField field, String relation,
                                        Map<String, String> joins, List<Class<?>> types, String where) {
        ManagedType<?> target = metamodel.managedType(field.target());
        String shown = field.slugField() != null ? Field.camelCase(field.slugField())
                : target.getSingularAttributes().stream().filter(SingularAttribute::isId).findFirst()
                .map(Attribute::getName).orElseThrow(() -> new IllegalStateException(where + ": "
                        + field.target().getSimpleName() + " has no single id"));
        Attribute<?, ?> attribute;
        try {
            attribute = target.getAttribute(shown);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + field.target().getSimpleName() + " has no attribute '"
                    + shown + "' to show");
        }
        types.add(attribute.getJavaType());
        field.bindShownType(attribute.getJavaType(), shown);
        return joins.computeIfAbsent(relation, j -> "j" + (joins.size() + 1)) + "." + shown;
    }

    /** A nested representation's column: the related object's id, through a left join (an empty relation is null). */
    private static String nestedColumn(Metamodel metamodel, Class<?> target, String relation, Map<String, String> joins,
                                       List<Class<?>> types) {
        SingularAttribute<?, ?> id = metamodel.managedType(target).getSingularAttributes().stream()
                .filter(SingularAttribute::isId).findFirst().orElseThrow(() -> new IllegalStateException(
                        target.getSimpleName() + " has no single id"));
        types.add(id.getJavaType());
        return joins.computeIfAbsent(relation, j -> "j" + (joins.size() + 1)) + "." + id.getName();
    }

    ModelSerializer<E> serializer() {
        return serializer;
    }

    /** The id in a path, if it is one: anything else finds nothing, as DRF's lookup of a non-integer pk. */
    Optional<Object> parseId(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        if (idType == Integer.class) {
            return value > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) value);
        }
        return Optional.of(value);
    }

    /** The number of objects the restriction allows: from the index of their ids when it has one. */
    long count(EntityManager entityManager, QueryRestriction restriction) {
        Optional<AllowedIds> allowed = restriction.allowedIds();
        return allowed.isPresent() ? allowed.get().count(entityManager)
                : compileCount(entityManager, restriction).getSingleResult();
    }

    /** The count query, parsed and bound but not run: at start-up, to find a mistake in a queryset's JPQL. */
    TypedQuery<Long> compileCount(EntityManager entityManager, QueryRestriction restriction) {
        return restriction.bind(FirstParses.query(entityManager, countJpql(restriction), Long.class));
    }

    private String countJpql(QueryRestriction restriction) {
        return "select count(" + ROOT + ") from " + entityName + " " + ROOT + where(restriction);
    }

    /**
     * The list, read from the database as it is written ({@link RowStream}).
     *
     * @param orderBy the list's {@code order by}, or null for the order of ids
     * @param counted whether a page read in one fetch (or whose ids are read from an index) also counts the whole
     *                list, in the same statement: one round trip instead of a count and a page, and a count and page
     *                of one snapshot
     */
    Rows list(EntityManager entityManager, QueryRestriction restriction, String orderBy, long offset, long limit,
              boolean counted) {
        Optional<AllowedIds> allowed = restriction.allowedIds();
        if (orderBy == null && allowed.isPresent()) {
            // One statement: the ids from the index of them, their objects by those ids (the plan cannot walk the
            // objects' table), and a page's count along. A whole list is a page with no end.
            AllowedIds.PageQuery page = allowed.get().page(idPath, offset, limit >= 0 ? limit : Long.MAX_VALUE);
            return list(entityManager, page.restriction(), idPath, new RowRange(0, limit),
                    counted ? page.countColumn() : null);
        }
        // The count is the count query as a column (PostgreSQL runs it once): its alias shadows the list's own.
        return list(entityManager, restriction, orderBy == null ? idPath : orderBy, new RowRange(offset, limit),
                counted ? "(" + countJpql(restriction) + ")" : null);
    }

    /** @param countColumn the JPQL of a column counting the whole list, read along where the list is one fetch */
    private Rows list(EntityManager entityManager, QueryRestriction restriction, String orderBy, RowRange range,
                      String countColumn) {
        boolean countsAll = countColumn != null && RowStream.fitsOneFetch(range.most(), streamed);
        String jpql = "select " + streamed.select() + (countsAll ? ", " + countColumn : "") + from + where(restriction)
                + " order by " + orderBy;
        return Rows.streamed(serializer, new RowStream(rows -> rows.bind(restriction.bind(
                FirstParses.query(entityManager, jpql + rows.clause(), Object[].class))), jpql, range, streamed, countsAll,
                chunk -> withRelated(entityManager, streamed.withText(entityManager, chunk), 0)));
    }

    /** The id, to break the ties of an ordering. */
    String idPath() {
        return idPath;
    }

    /** Each serializer field's expression in the list's query, by the field's name (to order by it). */
    Map<String, String> columnsByName() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Field<?> field = serializer.fields().get(i);
            if (!(field instanceof RelatedField related && related.isMany()) && !(field instanceof NestedField)) {
                byName.put(serializer.fields().get(i).name(), columns.get(i));
            }
        }
        return byName;
    }

    /** The column of a serializer field, for ordering by it: start-up refuses a name the serializer lacks. */
    int fieldIndex(String name) {
        for (int i = 0; i < serializer.fields().size(); i++) {
            if (serializer.fields().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("the ordering field '" + name + "' is not a field of the "
                + serializer.model().getSimpleName() + " serializer");
    }

    /** A cursor's page: see {@link Pagination.ScopedList#seek}. A position the field cannot hold is no cursor. */
    Pagination.Seek seek(EntityManager entityManager, QueryRestriction restriction, String field, boolean descending,
                         String position, boolean below, long offset, long limit) {
        int index = fieldIndex(field);
        String column = columns.get(index);
        String direction = descending ? " desc" : " asc";
        String beyond = position == null ? "" : column + (below ? " < " : " > ") + ":" + LOOKUP;
        String where = restriction == QueryRestriction.NONE ? beyond
                : "(" + restriction.jpql() + ")" + (beyond.isEmpty() ? "" : " and " + beyond);
        RowRange range = new RowRange(offset, limit);
        String jpql = "select " + select + from + (where.isEmpty() ? "" : " where " + where) + " order by " + column
                + direction + ", " + idPath + direction + range.clause();
        TypedQuery<Object[]> query = range.bind(restriction.bind(FirstParses.query(entityManager, jpql, Object[].class)));
        if (position != null) {
            query.setParameter(LOOKUP, Positions.parse(position, attributeTypes.get(index)));
        }
        List<Object[]> rows = withRelated(entityManager, query.getResultList(), 0);
        List<String> positions = new ArrayList<>();
        for (Object[] row : rows) {
            positions.add(Positions.format(row[index]));
        }
        return new Pagination.Seek(Rows.held(serializer, rows), positions);
    }

    /** One object the restriction allows, with its representation, in one query. */
    Optional<Loaded<E>> find(EntityManager entityManager, QueryRestriction restriction, Object id) {
        return findWhere(entityManager, restriction, idPath, id, false);
    }

    /** The object whose attribute (e.g. a slug) has the value, among those the restriction allows; the first by id. */
    Optional<E> findBy(EntityManager entityManager, QueryRestriction restriction, String attribute, Object value) {
        return findWhere(entityManager, restriction, ROOT + "." + attribute, value, true).map(Loaded::object);
    }

    private Optional<Loaded<E>> findWhere(EntityManager entityManager, QueryRestriction restriction, String path,
                                          Object value, boolean firstById) {
        return loaded(entityManager, restriction, path + " = :" + LOOKUP, Map.of(LOOKUP, value), firstById).stream()
                .findFirst();
    }

    /**
     * The objects the restriction allows whose rows meet a condition, each with its representation, in one query
     * (the first by id only, when asked).
     */
    private List<Loaded<E>> loaded(EntityManager entityManager, QueryRestriction restriction, String condition,
                                   Map<String, Object> parameters, boolean firstById) {
        if (restriction == QueryRestriction.NOTHING) {
            return List.of();
        }
        String scoped = restriction == QueryRestriction.NONE ? "" : " and (" + restriction.jpql() + ")";
        String jpql = "select " + ROOT + ", " + select + from + " where " + condition + scoped
                + (firstById ? " order by " + idPath + RowRange.first(1).clause() : "");
        TypedQuery<Object[]> query = restriction.bind(FirstParses.query(entityManager, jpql, Object[].class));
        parameters.forEach(query::setParameter);
        List<Object[]> rows = withRelated(entityManager, query.getResultList(), 1);
        List<Loaded<E>> found = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            E object = (E) row[0];
            found.add(new Loaded<>(object, serializer.represent(row, 1)));
        }
        return found;
    }

    /** The object as the database now holds it (after a write is flushed: what every later read will show). */
    Representation stored(EntityManager entityManager, Object id) {
        String jpql = "select " + select + from + " where " + idPath + " = :" + LOOKUP;
        Object[] row = FirstParses.query(entityManager, jpql, Object[].class).setParameter(LOOKUP, id).getSingleResult();
        return serializer.represent(withRelated(entityManager, List.<Object[]>of(row), 0).get(0), 0);
    }

    /**
     * The objects with these ids that the restriction allows, each with its representation, in one query (the
     * related objects of a page that a nested field shows).
     */
    List<Loaded<E>> findAll(EntityManager entityManager, QueryRestriction restriction, java.util.Collection<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList wanted = InList.of(idPath, LOOKUP, ids);
        return loaded(entityManager, restriction, wanted.condition(), wanted.parameters(), false);
    }

    /** Fills in the rows' relations to many objects, then their nested representations. */
    private List<Object[]> withRelated(EntityManager entityManager, List<Object[]> rows, int first) {
        if (rows.isEmpty()) {
            return rows;
        }
        withMany(entityManager, rows, first);
        for (NestedRelation relation : nestedRelations) {
            int column = first + relation.index();
            java.util.Set<Object> ids = new java.util.HashSet<>();
            rows.forEach(row -> {
                if (row[column] != null) {
                    ids.add(row[column]);
                }
            });
            Map<Object, Representation> shown = ids.isEmpty() ? Map.of() : relation.field().load(ids);
            rows.forEach(row -> row[column] = row[column] == null ? null : shown.get(row[column]));
        }
        return rows;
    }

    /**
     * Fills in the relations to many objects of the rows, one query per relation for all of them: each row's column
     * held the object's id, and holds the list of its related objects' ids (or slugs) afterwards.
     */
    private void withMany(EntityManager entityManager, List<Object[]> rows, int first) {
        for (ManyRelation relation : manyRelations) {
            java.util.Set<Object> owners = new java.util.HashSet<>();
            rows.forEach(row -> owners.add(row[first + relation.index()]));
            Map<Object, List<Object>> related = new java.util.HashMap<>();
            InList owned = InList.of(relation.ownerPath(), "owners", owners);
            for (Object[] pair : owned.bind(FirstParses.query(entityManager, relation.query(owned), Object[].class))
                    .getResultList()) {
                related.computeIfAbsent(pair[0], owner -> new ArrayList<>()).add(pair[1]);
            }
            rows.forEach(row -> row[first + relation.index()] = related.getOrDefault(row[first + relation.index()],
                    List.of()));
        }
    }

    /** A new object, with the entity's own defaults. */
    E newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a " + serializer.model().getSimpleName(), e);
        }
    }

    /** Sets the relations of {@link CurrentUserField}s to the user creating the object. */
    void setCurrentUser(E entity, Long userId, EntityManager entityManager) {
        currentUserRelations.forEach((relation, userType) -> {
            if (userId == null) {
                throw new IllegalStateException(serializer.model().getSimpleName() + "'s " + relation.getAttributeName()
                        + " is the current user, but the request is anonymous: the create action's permissions "
                        + "must require an authenticated user");
            }
            set(relation, entity, entityManager.getReference(userType, userId));
        });
    }

    /** A writable field's value on the object as it is now. */
    Object current(E entity, Field<?> field) {
        AttributeMapping attribute = writable.get(field);
        if (attribute == null) {
            throw new IllegalArgumentException("'" + field.name() + "' is read-only: it is not among the attributes "
                    + "a request sets");
        }
        return attribute.getValue(entity);
    }

    /**
     * What DRF's {@code ModelSerializer} takes from a model's fields, taken here from the table's columns: a text
     * field with no {@code maxLength} gets its {@code character varying(n)} column's length, and a field whose column
     * alone is unique gets DRF's {@code UniqueValidator} ({@link #taken}). Read from PostgreSQL's catalog the first
     * time the viewset writes: nothing at start-up.
     */
    void readColumns(EntityManager entityManager) {
        if (columnsRead) {
            return;
        }
        Map<String, Map<String, Field<?>>> byTable = new HashMap<>();
        writable.forEach((field, attribute) -> {
            if (attribute instanceof SelectableMapping column && !column.isFormula()) {
                byTable.computeIfAbsent(identifier(column.getContainingTableExpression()), t -> new HashMap<>())
                        .put(identifier(column.getSelectionExpression()), field);
            }
        });
        Set<Field<?>> unique = new HashSet<>();
        byTable.forEach((table, fields) -> {
            for (Object[] length : columnQuery(entityManager, LENGTHS, table)) {
                if (fields.get((String) length[0]) instanceof CharField text && text.maxLength() == null) {
                    text.bindColumnLength(((Number) length[1]).intValue());
                }
            }
            for (Object[] column : columnQuery(entityManager, UNIQUE_COLUMNS, table)) {
                Field<?> field = fields.get((String) column[0]);
                if (field != null) {
                    unique.add(field);
                }
            }
        });
        uniqueFields = Set.copyOf(unique);
        columnsRead = true;
    }

    /** The {@code character varying} columns of a table, with their lengths. */
    private static final String LENGTHS = "select column_name::text, character_maximum_length::integer "
            + "from information_schema.columns where table_name = :table "
            + "and table_schema = any (current_schemas(false)) and character_maximum_length is not null";
    /** The columns of a table that are unique alone: a unique index of one column, for every row, not the key. */
    private static final String UNIQUE_COLUMNS = "select a.attname::text, 0 from pg_index i "
            + "join pg_class c on c.oid = i.indrelid join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0] "
            + "where c.relname = :table and c.relnamespace::regnamespace::text = any (current_schemas(false)) "
            + "and i.indisunique and not i.indisprimary and i.indnkeyatts = 1 and i.indpred is null and i.indexprs is null";

    @SuppressWarnings("unchecked")
    private static List<Object[]> columnQuery(EntityManager entityManager, String sql, String table) {
        return entityManager.createNativeQuery(sql).setParameter("table", table).getResultList();
    }

    /**
     * DRF's {@code UniqueValidator}: whether an object other than {@code current} (its id; {@code null} on create)
     * already has {@code value} in the field's unique column.
     */
    boolean taken(EntityManager entityManager, Field<?> field, Object value, Object current) {
        if (value == null || !uniqueFields.contains(field)) {
            return false;
        }
        String jpql = "select count(" + ROOT + ")" + from + " where " + ROOT + "." + field.source() + " = :value"
                + (current == null ? "" : " and " + idPath + " <> :current");
        TypedQuery<Long> query = FirstParses.query(entityManager, jpql, Long.class).setParameter("value", value);
        return (current == null ? query : query.setParameter("current", current)).getSingleResult() > 0;
    }

    /** A table's or column's name as PostgreSQL's catalog holds it: unquoted, folded to lower case unless quoted. */
    private static String identifier(String expression) {
        String name = expression.substring(expression.lastIndexOf('.') + 1);
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    /** Sets the validated values, through Hibernate's accessors. */
    void write(E entity, Map<Field<?>, Object> values) {
        values.forEach((field, value) -> set(writable.get(field), entity, collectionOf(field, value)));
    }

    /** The related objects of a relation to many, in the collection type of its attribute. */
    private Object collectionOf(Field<?> field, Object value) {
        for (ManyRelation relation : manyRelations) {
            if (relation.field() == field && value instanceof List<?> objects) {
                return java.util.Set.class.isAssignableFrom(relation.collectionType())
                        ? new java.util.LinkedHashSet<>(objects) : new ArrayList<>(objects);
            }
        }
        return value;
    }

    /**
     * Sets one attribute and tells the entity's dirty tracking (Quarkus enhances entities to track their own
     * changes, which a write through the accessor alone would not record: the change would never be saved).
     */
    private static void set(AttributeMapping attribute, Object entity, Object value) {
        attribute.setValue(entity, value);
        if (entity instanceof SelfDirtinessTracker tracker) {
            tracker.$$_hibernate_trackChange(attribute.getAttributeName());
        }
    }

    private static String where(QueryRestriction restriction) {
        return restriction == QueryRestriction.NONE ? "" : " where " + restriction.jpql();
    }

    /** An object and its representation when it was loaded. */
    public record Loaded<E>(E object, Representation representation) {
    }
}
