package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.security.core.ApiException;

import java.math.BigInteger;

/**
 * DRF's {@code PageNumberPagination}: {@code ?page=N} of pages of {@code pageSize}; {@code page=last} is the last
 * page. A page that is not a whole number, or out of range, is DRF's 404 {@code {"detail": "Invalid page."}}.
 */
public record PageNumberPagination(long pageSize) implements Pagination {

    static final String PAGE = "page";

    public PageNumberPagination {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page size must be at least 1, not " + pageSize);
        }
    }

    @Override
    public Object paginate(ScopedList list, PageRequest request) {
        String asked = request.parameter(PAGE).orElse("1");
        Counted page;
        long number;
        if ("last".equals(asked)) {
            long count = list.count();
            number = pages(count);
            page = new Counted(count == 0 ? Rows.none() : list.slice((number - 1) * pageSize, pageSize), count);
        } else {
            // A number first, then the page and the count in one statement; past the last page, a 404.
            number = PythonText.parseInt(asked).filter(value -> value.signum() > 0
                    && value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0).orElseThrow(PageNumberPagination::invalid)
                    .longValue();
            page = list.countedSlice((number - 1) * pageSize, pageSize);
            if (number > pages(page.count())) {
                throw invalid();
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", page.count());
        out.put("next", number < pages(page.count()) ? request.linkWith(PAGE, number + 1) : null);
        out.put("previous", number <= 1 ? null
                : number == 2 ? request.linkWithout(PAGE) : request.linkWith(PAGE, number - 1));
        out.putPOJO("results", page.rows());
        return out;
    }

    /** Django's {@code num_pages}: an empty list still has its first page. */
    private long pages(long count) {
        return Math.max(1, (count + pageSize - 1) / pageSize);
    }

    private static ApiException invalid() {
        return new ApiException(404, "Invalid page.", "not_found");
    }
}
