package dev.portcullis.viewsets;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a list's rows are selected so that each is small, whatever its objects hold: a text column of the entity's own
 * with no declared bound ({@code chars(...)} without {@code maxLength}) is selected only when it is at most
 * {@value #INLINE_TEXT} bytes, with its length in bytes (which PostgreSQL knows without reading the text, and which
 * bounds its characters); longer text is read afterwards by id, a chunk of rows at once ({@link #withText}). A row is
 * the serializer's values, then the object's id, then the lengths of its unbounded text.
 */
final class StreamedSelect {

    static final int INLINE_TEXT = 1024;
    /** The size counted for a value other than text: a number, a date, a flag, an id. */
    private static final int SMALL_VALUE = 32;
    /** The size counted for text of no declared bound read through a relation or in a read-only field: a username. */
    private static final int TEXT_VALUE = 256;
    private static final int MOST_FETCHED = 500;

    private final String select;
    private final int[] unbounded;
    private final int id;
    /** The long text's query up to its condition on the ids. */
    private final String textQuery;
    private final String idPath;
    private final String lookup;
    private final int fetchSize;

    private StreamedSelect(String select, int[] unbounded, int id, String textQuery, String idPath, String lookup,
                           int fetchSize) {
        this.select = select;
        this.unbounded = unbounded;
        this.id = id;
        this.textQuery = textQuery;
        this.idPath = idPath;
        this.lookup = lookup;
        this.fetchSize = fetchSize;
    }

    /**
     * @param columns each field's select expression
     * @param types   the Java type of each column
     * @param root    the alias of the entity in the list's query
     */
    static StreamedSelect plan(List<Field<?>> fields, List<String> columns, List<Class<?>> types, String root,
                               String idPath, String entityName, String lookup) {
        List<String> selected = new ArrayList<>();
        List<Integer> unbounded = new ArrayList<>();
        long rowBound = 0;
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            boolean own = column.startsWith(root + ".") && column.indexOf('.') == column.lastIndexOf('.');
            Integer maxLength = fields.get(i) instanceof CharField text ? text.maxLength() : null;
            if (fields.get(i) instanceof CharField && maxLength == null && own) {
                unbounded.add(i);
                selected.add("case when octet_length(" + column + ") <= " + INLINE_TEXT + " then " + column + " else null end");
                rowBound += INLINE_TEXT + SMALL_VALUE;
            } else {
                selected.add(column);
                rowBound += maxLength != null ? maxLength : types.get(i) == String.class ? TEXT_VALUE : SMALL_VALUE;
            }
        }
        selected.add(idPath);
        unbounded.forEach(i -> selected.add("octet_length(" + columns.get(i) + ")"));
        String textQuery = unbounded.isEmpty() ? null : "select " + idPath + ", " + String.join(", ",
                unbounded.stream().map(columns::get).toList()) + " from " + entityName + " " + root + " where ";
        int fetchSize = (int) Math.max(1, Math.min(MOST_FETCHED, RowStream.CHUNK_CHARACTERS / Math.max(1, rowBound)));
        return new StreamedSelect(String.join(", ", selected), unbounded.stream().mapToInt(Integer::intValue).toArray(),
                columns.size(), textQuery, idPath, lookup, fetchSize);
    }

    String select() {
        return select;
    }

    /** The rows of a round trip: as many as fit in {@link RowStream#CHUNK_CHARACTERS} at their declared sizes. */
    int fetchSize() {
        return fetchSize;
    }

    /** A row's size in characters, its unbounded text counted by its length. */
    long size(Object[] row) {
        long characters = 0;
        for (int i = 0; i < id; i++) {
            characters += row[i] instanceof CharSequence text ? text.length() : SMALL_VALUE;
        }
        for (int k = 0; k < unbounded.length; k++) {
            characters += row[id + 1 + k] instanceof Number length ? length.longValue() : 0;
        }
        return characters;
    }

    /**
     * The rows with their long text, read in one query. A row whose object was deleted since the list's query
     * read it is left out, as a later list would leave it out.
     */
    List<Object[]> withText(EntityManager entityManager, List<Object[]> rows) {
        List<Object> ids = new ArrayList<>();
        for (Object[] row : rows) {  // a loop, not a stream: this runs for every chunk of every list
            if (textLeftOut(row)) {
                ids.add(row[id]);
            }
        }
        if (ids.isEmpty()) {
            return rows;
        }
        Map<Object, Object[]> texts = new HashMap<>();
        InList wanted = InList.of(idPath, lookup, ids);
        wanted.bind(FirstParses.query(entityManager, textQuery + wanted.condition(), Object[].class)).getResultList()
                .forEach(text -> texts.put(text[0], text));
        List<Object[]> complete = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (textLeftOut(row)) {
                Object[] text = texts.get(row[id]);
                if (text == null) {
                    continue;
                }
                for (int k = 0; k < unbounded.length; k++) {
                    row[unbounded[k]] = text[k + 1];
                }
            }
            complete.add(row);
        }
        return complete;
    }

    private boolean textLeftOut(Object[] row) {
        for (int k = 0; k < unbounded.length; k++) {
            if (row[id + 1 + k] instanceof Number length && length.longValue() > INLINE_TEXT) {
                return true;
            }
        }
        return false;
    }
}
