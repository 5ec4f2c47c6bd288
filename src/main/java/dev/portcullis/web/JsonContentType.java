package dev.portcullis.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A JSON answer says {@code Content-Type: application/json}, as DRF's does whatever the {@code Accept} range that
 * chose it: the media type defines no charset (RFC 8259), and Quarkus REST adds {@code ;charset=UTF-8} to it as to
 * every text-like type, with the parameters of the client's range ({@code Accept: application/json;q=0.5} was
 * answered {@code application/json;charset=UTF-8;q=0.5}). Mended as the headers are written, so that every JSON
 * answer is — a list streamed from the database as well as an error, and the HEAD of a list, which writes no
 * entity.
 */
@Singleton
public class JsonContentType {

    private static final String JSON = "application/json";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 4).handler(JsonContentType::mendWhenWritten);
    }

    private static void mendWhenWritten(RoutingContext context) {
        HttpServerResponse response = context.response();
        boolean head = context.request().method() == HttpMethod.HEAD;
        context.addHeadersEndHandler(ended -> {
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type == null && head && response.getStatusCode() == 200 && context.request().path().startsWith("/api/")) {
                // A list's HEAD writes no entity, so Quarkus REST names no type; DRF's says the GET's.
                response.headers().set(HttpHeaders.CONTENT_TYPE, JSON);
                return;
            }
            if (type != null && type.length() > JSON.length() && type.charAt(JSON.length()) == ';'
                    && type.regionMatches(true, 0, JSON, 0, JSON.length())) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, JSON);
            }
        });
        context.next();
    }
}
