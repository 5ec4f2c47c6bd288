package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DRF's {@code LimitOffsetPagination}: {@code ?limit=N&offset=M}. A limit that is not a positive integer means
 * the default limit (with none, the list is not paginated), one above {@code maxLimit} means {@code maxLimit}; an
 * offset that is not a non-negative integer means 0.
 *
 * @param defaultLimit DRF's {@code PAGE_SIZE}, or {@code null} for lists that are paginated only on request
 * @param maxLimit     DRF's {@code max_limit}, or {@code null} for none
 */
public record LimitOffsetPagination(Long defaultLimit, Long maxLimit) implements Pagination {

    static final String LIMIT = "limit";
    static final String OFFSET = "offset";

    @Override
    public Object paginate(ScopedList list, PageRequest request) {
        Long limit = request.parameter(LIMIT).flatMap(value -> PythonText.positiveInt(value, true, maxLimit))
                .orElse(defaultLimit);
        if (limit == null) {
            return list.all();
        }
        long count = list.count();
        long offset = request.parameter(OFFSET).flatMap(value -> PythonText.positiveInt(value, false, null)).orElse(0L);
        Rows results = count == 0 || offset > count ? Rows.none() : list.slice(offset, limit);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("count", count);
        page.put("next", offset + limit >= count ? null : request.linkWith(LIMIT, limit, OFFSET, offset + limit));
        page.put("previous", previous(request, limit, offset));
        page.putPOJO("results", results);
        return page;
    }

    private static String previous(PageRequest request, long limit, long offset) {
        if (offset <= 0) {
            return null;
        }
        return offset - limit <= 0 ? request.linkWithout(OFFSET, LIMIT, limit)
                : request.linkWith(LIMIT, limit, OFFSET, offset - limit);
    }
}
