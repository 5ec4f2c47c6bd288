package dev.portcullis.security.core;

/** DRF's exceptions with DRF's words (rest_framework/exceptions.py). */
public final class Errors {

    private Errors() {
    }

    public static ApiException notFound() {
        return new ApiException(404, "Not found.", "not_found");
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "Method \"" + method + "\" not allowed.", "method_not_allowed");
    }

    public static ApiException unsupportedMediaType(String mediaType) {
        return new ApiException(415, "Unsupported media type \"" + mediaType + "\" in request.",
                "unsupported_media_type");
    }

    public static ApiException notAcceptable() {
        return new ApiException(406, "Could not satisfy the request Accept header.", "not_acceptable");
    }

    public static ApiException parseError(String reason) {
        return new ApiException(400, "JSON parse error - " + reason, "parse_error");
    }

    public static ApiException multipartParseError(String reason) {
        return new ApiException(400, "Multipart form parse error - " + reason, "parse_error");
    }

    /**
     * DRF's {@code Throttled}: the wait rounded up to whole seconds, in the detail and in {@code Retry-After}.
     *
     * @param waitSeconds {@code null} when the wait is unknown
     */
    public static ApiException throttled(Double waitSeconds) {
        if (waitSeconds == null) {
            return new ApiException(429, "Request was throttled.", "throttled");
        }
        long wait = (long) Math.ceil(waitSeconds);
        String detail = "Request was throttled. Expected available in " + wait + (wait == 1 ? " second." : " seconds.");
        return new ApiException(429, detail, "throttled").withHeader("Retry-After", String.valueOf(wait));
    }

    /** The database cannot be reached: try again in a few seconds. */
    public static ApiException serviceUnavailable() {
        return new ApiException(503, "Service temporarily unavailable, try again later.", "service_unavailable")
                .withHeader("Retry-After", "5");
    }

    public static ApiException serverError() {
        return new ApiException(500, "A server error occurred.", "error");
    }
}
