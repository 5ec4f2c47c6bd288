package dev.portcullis.security.core;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;

/**
 * The name under which Quarkus's HTTP server metrics count a request. Quarkus REST names a request by its route's
 * template once it has matched a resource method; a request answered before that point is counted under its raw
 * path, so every id a client invents would start a series of its own — until Micrometer's cap of 100 URI tags,
 * after which an endpoint first served later is not measured at all. Whatever answers a request early names it here
 * first, the way Quarkus REST does (a template such as {@code /api/posts/{id}/}; Quarkus itself counts CORS
 * preflights as {@code /cors-preflight}).
 */
public final class MetricRoutes {

    /** Where Quarkus's HTTP server metrics read a request's route template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private MetricRoutes() {
    }

    /** Counts the request under {@code template}: a route's template, or what an answer before any route stands for. */
    public static void name(HttpServerRequest request, String template) {
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }
}
