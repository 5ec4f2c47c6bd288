package dev.portcullis.api;

import dev.portcullis.security.core.Errors;

/** Primary keys from the path: anything that is not one is a 404, as DRF's {@code get_object_or_404}. */
final class PathIds {

    private PathIds() {
    }

    static long parse(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw Errors.notFound();
        }
        return Long.parseLong(id);
    }
}
