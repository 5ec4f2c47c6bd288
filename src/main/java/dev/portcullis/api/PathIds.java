package dev.portcullis.api;

import dev.portcullis.security.core.Errors;

import java.util.Optional;

/** Primary keys from the path: anything that is not one is a 404, as DRF's {@code get_object_or_404}. */
final class PathIds {

    private PathIds() {
    }

    static long parse(String id) {
        return tryParse(id).orElseThrow(Errors::notFound);
    }

    static Optional<Long> tryParse(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
