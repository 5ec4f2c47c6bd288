package dev.portcullis.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A JSON answer says {@code Content-Type: application/json}, as DRF's does: the media type defines no charset
 * (RFC 8259), and Quarkus REST adds {@code ;charset=UTF-8} to it as to every text-like type. Mended as the headers
 * are written, so that every JSON answer is — a list streamed from the database as well as an error.
 */
@Singleton
public class JsonContentType {

    private static final String WITH_CHARSET = "application/json;charset=UTF-8";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 4).handler(JsonContentType::mendWhenWritten);
    }

    private static void mendWhenWritten(RoutingContext context) {
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ended -> {
            if (WITH_CHARSET.equals(response.headers().get(HttpHeaders.CONTENT_TYPE))) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            }
        });
        context.next();
    }
}
