package dev.portcullis.viewsets;

/** The pagination configured for every viewset that names none ({@code portcullis.pagination.*}). */
final class DefaultPagination {

    private DefaultPagination() {
    }

    static Pagination of(String className, Long pageSize, Long maxLimit) {
        return switch (className.strip()) {
            case "LimitOffsetPagination" -> new LimitOffsetPagination(pageSize, maxLimit);
            case "PageNumberPagination" -> {
                if (pageSize == null) {
                    throw new IllegalStateException("portcullis.pagination.page-size is needed by PageNumberPagination");
                }
                yield new PageNumberPagination(pageSize);
            }
            default -> throw new IllegalStateException("portcullis.pagination.class: no pagination class '" + className
                    + "' (LimitOffsetPagination or PageNumberPagination)");
        };
    }
}
