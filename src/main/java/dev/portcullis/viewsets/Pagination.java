package dev.portcullis.viewsets;

import java.util.List;


/**
 * DRF's pagination classes: how a list is cut into pages, which parameters choose the page, and the envelope
 * the page is answered in. A viewset names its own ({@link GenericViewSet#pagination()}); the default is
 * configured ({@code portcullis.pagination.*}).
 */
public interface Pagination {

    /**
     * The answer for a list: the plain array ({@link Rows}) when the request asks for no page, else the page of the
     * scoped query with its count and links (a JSON object whose {@code results} are {@link Rows}). {@code count} and the page come from the same query, so they cover exactly the
     * objects the requester may see.
     */
    Object paginate(ScopedList list, PageRequest request);

    /** A scoped, ordered query: its size, and a slice of it rendered as the serializer renders objects. */
    interface ScopedList {

        long count();

        Rows slice(long offset, long limit);

        /**
         * A page, as {@link #slice}, whose statement also counts the whole list where it can: see
         * {@link Rows#countOfAll()}.
         */
        default Rows countedSlice(long offset, long limit) {
            return slice(offset, limit);
        }

        /** Every object, for an unpaginated list. */
        Rows all();

        /**
         * For a cursor: up to {@code limit} objects in the order of one field, past the first {@code offset}, with each
         * object's position; only those whose field is beyond {@code position} (when there is one).
         *
         * @param descending the order of the field
         * @param below      whether "beyond" is below the position (else above it)
         */
        Seek seek(String field, boolean descending, String position, boolean below, long offset, long limit);
    }

    /** A seek's objects, and the position of each (the value of the ordering field, as Python's {@code str()}). */
    record Seek(Rows results, List<String> positions) {
    }
}
