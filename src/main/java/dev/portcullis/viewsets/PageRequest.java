package dev.portcullis.viewsets;

import io.vertx.core.http.HttpServerRequest;

import java.util.Optional;

/**
 * What a paginator reads of the request: its query parameters, and its absolute URI for the links, built as
 * Django's {@code build_absolute_uri()} (scheme and host as Quarkus sees them: forwarded ones only where
 * {@code quarkus.http.proxy.*} trusts the proxy).
 */
public record PageRequest(String scheme, String host, String path, QueryParameters query) {

    static PageRequest of(HttpServerRequest request) {
        String host = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        return new PageRequest(request.scheme(), host, request.path(), QueryParameters.parse(request.query()));
    }

    /** For tests: a request for {@code http://host/path?query}. */
    public static PageRequest of(String host, String path, String query) {
        return new PageRequest("http", host, path, QueryParameters.parse(query));
    }

    Optional<String> parameter(String name) {
        return query.last(name);
    }

    /** DRF's {@code replace_query_param(request.build_absolute_uri(), name, value)}. */
    String linkWith(String name, Object value) {
        return link(query.with(name, String.valueOf(value)));
    }

    /** DRF's {@code replace_query_param} of one parameter, then another. */
    String linkWith(String name, Object value, String otherName, Object otherValue) {
        return link(query.with(name, String.valueOf(value)).with(otherName, String.valueOf(otherValue)));
    }

    /** DRF's {@code remove_query_param} after {@code replace_query_param}. */
    String linkWithout(String removed, String name, Object value) {
        return link(query.with(name, String.valueOf(value)).without(removed));
    }

    /** DRF's {@code remove_query_param(request.build_absolute_uri(), name)}. */
    String linkWithout(String removed) {
        return link(query.without(removed));
    }

    private String link(QueryParameters parameters) {
        String encoded = parameters.encode();
        return scheme + "://" + host + path + (encoded.isEmpty() ? "" : "?" + encoded);
    }
}
