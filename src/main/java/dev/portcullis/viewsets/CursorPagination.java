package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.security.core.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * DRF's {@code CursorPagination}: pages of {@code pageSize} in the order of one field ({@code "-created_at"}:
 * newest first), linked by opaque cursors — no count, and no page an offset could make drift while objects are
 * added. A cursor that cannot be read, or that does not fit the ordering field, is DRF's 404
 * {@code {"detail": "Invalid cursor"}}. Name a field that orders objects uniquely, or nearly (ties are walked with
 * an offset, as DRF does, up to 1,000).
 *
 * @param ordering a serializer field's name, with {@code -} for descending
 */
public record CursorPagination(long pageSize, String ordering) implements Pagination {

    static final String CURSOR = "cursor";
    private static final long OFFSET_CUTOFF = 1000;
    private static final ApiException INVALID = new ApiException(404, "Invalid cursor", "not_found");

    public CursorPagination {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page size must be at least 1, not " + pageSize);
        }
    }

    /** The ordering field's name, without its sign. */
    public String field() {
        return ordering.startsWith("-") ? ordering.substring(1) : ordering;
    }

    private boolean descending() {
        return ordering.startsWith("-");
    }

    /** DRF's cursor: an offset past the position, a direction, and the position of the ordering field. */
    record Cursor(long offset, boolean reverse, String position) {
    }

    @Override
    public Object paginate(ScopedList list, PageRequest request) {
        Cursor cursor = request.parameter(CURSOR).map(CursorPagination::decode).orElse(null);
        long offset = cursor == null ? 0 : cursor.offset();
        boolean reverse = cursor != null && cursor.reverse();
        String current = cursor == null ? null : cursor.position();
        Seek seek = list.seek(field(), descending() != reverse, current, reverse != descending(), offset, pageSize + 1);
        Page page = new Page(seek, pageSize);
        boolean following = seek.positions().size() > pageSize;
        String followingPosition = following ? seek.positions().get((int) pageSize) : null;
        State state = reverse
                ? new State(current != null || offset > 0, following, current, followingPosition)
                : new State(following, current != null || offset > 0, followingPosition, current);
        if (reverse) {
            page = page.reversed();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("next", state.hasNext() ? request.linkWith(CURSOR, encode(next(page, cursor, state))) : null);
        out.put("previous", state.hasPrevious() ? request.linkWith(CURSOR, encode(previous(page, cursor, state))) : null);
        out.putPOJO("results", page.results());
        return out;
    }

    private record State(boolean hasNext, boolean hasPrevious, String nextPosition, String previousPosition) {
    }

    /** The page: its objects and their positions, at most a page size of them. */
    private record Page(Rows results, List<String> positions) {

        Page(Seek seek, long pageSize) {
            this(seek.results().head(pageSize), seek.positions().subList(0,
                    (int) Math.min(pageSize, seek.positions().size())));
        }

        Page reversed() {
            List<String> positionsBackwards = new ArrayList<>(positions);
            java.util.Collections.reverse(positionsBackwards);
            return new Page(results.reversed(), positionsBackwards);
        }

        boolean isEmpty() {
            return positions.isEmpty();
        }
    }

    /** DRF's {@code get_next_link}: the last position of the page that differs from the one after it. */
    private Cursor next(Page page, Cursor cursor, State state) {
        if (page.isEmpty()) {
            return new Cursor(0, false, state.nextPosition());
        }
        List<String> inward = new ArrayList<>(page.positions());
        java.util.Collections.reverse(inward);
        Edge edge = edge(inward, cursor != null && cursor.reverse() && cursor.offset() > 0 ? inward.get(0)
                : state.nextPosition());
        if (edge.unique()) {
            return new Cursor(edge.offset(), false, edge.position());
        }
        if (!state.hasPrevious()) {
            return new Cursor(pageSize, false, null);
        }
        // Turning back from a reversed page skips a few objects, as in DRF.
        return cursor.reverse() ? new Cursor(0, false, state.previousPosition())
                : new Cursor(cursor.offset() + pageSize, false, state.previousPosition());
    }

    /** DRF's {@code get_previous_link}: the first position of the page that differs from the one before it. */
    private Cursor previous(Page page, Cursor cursor, State state) {
        if (page.isEmpty()) {
            return new Cursor(0, true, state.previousPosition());
        }
        Edge edge = edge(page.positions(), cursor != null && !cursor.reverse() && cursor.offset() > 0
                ? page.positions().get(0) : state.previousPosition());
        if (edge.unique()) {
            return new Cursor(edge.offset(), true, edge.position());
        }
        if (!state.hasNext()) {
            return new Cursor(pageSize, true, null);
        }
        return cursor.reverse() ? new Cursor(cursor.offset() + pageSize, true, state.nextPosition())
                : new Cursor(0, true, state.nextPosition());
    }

    /**
     * Walks a page's positions from one edge inward: the first position that differs from the one beyond it (the
     * cursor's position), and how many objects at the edge share a position (the cursor's offset).
     */
    private static Edge edge(List<String> inward, String beyond) {
        String compare = beyond;
        long offset = 0;
        for (String position : inward) {
            if (!position.equals(compare)) {
                return new Edge(offset, position, true);
            }
            compare = position;
            offset++;
        }
        return new Edge(offset, null, false);
    }

    private record Edge(long offset, String position, boolean unique) {
    }

    /** DRF's {@code encode_cursor}: {@code o}, {@code r} and {@code p} as a query string, in base64. */
    static String encode(Cursor cursor) {
        List<String> tokens = new ArrayList<>();
        if (cursor.offset() != 0) {
            tokens.add("o=" + cursor.offset());
        }
        if (cursor.reverse()) {
            tokens.add("r=1");
        }
        if (cursor.position() != null) {
            tokens.add("p=" + QueryParameters.quotePlus(cursor.position()));
        }
        return Base64.getEncoder().encodeToString(String.join("&", tokens).getBytes(StandardCharsets.US_ASCII));
    }

    /** DRF's {@code decode_cursor}: anything that does not read as a cursor is 404 "Invalid cursor". */
    static Cursor decode(String encoded) {
        StringBuilder alphabet = new StringBuilder();
        for (char c : encoded.toCharArray()) {
            if (c > 127) {
                throw INVALID;
            }
            // Python's b64decode drops what is not in the alphabet before it checks the padding.
            if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=') {
                alphabet.append(c);
            }
        }
        if (alphabet.length() % 4 != 0) {
            throw INVALID;
        }
        String text;
        try {
            byte[] bytes = Base64.getDecoder().decode(alphabet.toString());
            for (byte b : bytes) {
                if (b < 0) {
                    throw INVALID;
                }
            }
            text = new String(bytes, StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw INVALID;
        }
        QueryParameters tokens = QueryParameters.parse(text);
        long offset = PythonText.positiveInt(tokens.first("o").orElse("0"), false, OFFSET_CUTOFF)
                .orElseThrow(() -> INVALID).longValue();
        boolean reverse = PythonText.parseInt(tokens.first("r").orElse("0")).orElseThrow(() -> INVALID).signum() != 0;
        return new Cursor(offset, reverse, tokens.first("p").orElse(null));
    }
}
