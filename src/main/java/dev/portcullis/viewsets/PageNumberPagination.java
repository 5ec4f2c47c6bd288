package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.security.core.ApiException;

import java.math.BigInteger;
import java.util.Optional;

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
        boolean last = "last".equals(asked);
        // A page asked for by number is read first: when it is not full, it tells the count.
        Optional<CountedPage> counted = last ? Optional.empty() : validNumber(asked, Long.MAX_VALUE / pageSize)
                .map(number -> CountedPage.of(list, (number - 1) * pageSize, pageSize));
        long count = counted.map(CountedPage::count).orElseGet(list::count);
        // Django's Paginator: an empty list still has its first page.
        long pages = Math.max(1, (count + pageSize - 1) / pageSize);
        long number = last ? pages : validNumber(asked, pages).orElseThrow(() ->
                new ApiException(404, "Invalid page.", "not_found"));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("count", count);
        page.put("next", number < pages ? request.linkWith(PAGE, number + 1) : null);
        page.put("previous", number <= 1 ? null
                : number == 2 ? request.linkWithout(PAGE) : request.linkWith(PAGE, number - 1));
        page.putPOJO("results", count == 0 ? Rows.none()
                : counted.map(CountedPage::rows).orElseGet(() -> list.slice((number - 1) * pageSize, pageSize)));
        return page;
    }

    /** Django's {@code validate_number}: {@code int(page)}, at least 1 and at most the number of pages. */
    private static Optional<Long> validNumber(String asked, long pages) {
        return PythonText.parseInt(asked)
                .filter(value -> value.signum() > 0 && value.compareTo(BigInteger.valueOf(pages)) <= 0)
                .map(BigInteger::longValue);
    }
}
