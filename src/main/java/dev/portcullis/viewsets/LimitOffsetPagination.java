package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.Optional;

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
        BigInteger limit = request.parameter(LIMIT).flatMap(value -> PythonText.positiveInt(value, true, maxLimit))
                .or(() -> Optional.ofNullable(defaultLimit).map(BigInteger::valueOf)).orElse(null);
        if (limit == null) {
            return list.all();
        }
        BigInteger offset = request.parameter(OFFSET).flatMap(PythonText::parseInt).filter(value -> value.signum() >= 0)
                .orElse(BigInteger.ZERO);
        // The links carry the limit as read (Python's integers have no bound); the database reads at most every row.
        long rows = limit.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        CountedPage counted = offset.bitLength() < Long.SIZE ? CountedPage.of(list, offset.longValue(), rows)
                : new CountedPage(list.count(), Rows.none());
        long count = counted.count();
        Rows results = count == 0 || offset.compareTo(BigInteger.valueOf(count)) > 0 ? Rows.none() : counted.rows();
        BigInteger next = offset.add(limit);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("count", count);
        page.put("next", next.compareTo(BigInteger.valueOf(count)) >= 0 ? null : request.linkWith(LIMIT, limit, OFFSET, next));
        page.put("previous", previous(request, limit, offset));
        page.putPOJO("results", results);
        return page;
    }

    /** DRF's arithmetic on Python's integers: an offset of any size is answered as DRF answers it, never wrapped. */
    private static String previous(PageRequest request, BigInteger limit, BigInteger offset) {
        if (offset.signum() <= 0) {
            return null;
        }
        BigInteger previous = offset.subtract(limit);
        return previous.signum() <= 0 ? request.linkWithout(OFFSET, LIMIT, limit)
                : request.linkWith(LIMIT, limit, OFFSET, previous);
    }
}
