package dev.portcullis.web;

import dev.portcullis.database.DatabaseCircuit;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Causes;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.core.MetricRoutes;
import dev.portcullis.security.core.Outages;
import dev.portcullis.security.guard.PolicyRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Optional;

/**
 * The one place where exceptions become answers: DRF's errors as they are, and the framework's own
 * (404, 405, 415, 406) in DRF's words. An object another request deleted while this one updated or deleted it is
 * a 404, as it would have been a moment later (Django's {@code save()} would insert it again). Anything unexpected
 * is logged with its stack trace and answered with a plain 500 body, never the trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final ErrorResponses responses;
    private final DatabaseCircuit database;
    private final PolicyRegistry routes;

    public ErrorMappers(ErrorResponses responses, DatabaseCircuit database, PolicyRegistry routes) {
        this.responses = responses;
        this.database = database;
        this.routes = routes;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException error, HttpHeaders headers) {
        return answer(error, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException error, HttpHeaders headers) {
        return answer(Errors.notFound(), headers);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException error, Request request, HttpHeaders headers) {
        return answer(Errors.methodNotAllowed(request.getMethod()), headers);
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException error, HttpServerRequest request, UriInfo uri,
                                 HttpHeaders headers) {
        nameRouteForMetrics(request, uri);
        return answer(Errors.unsupportedMediaType(String.valueOf(headers.getMediaType())), headers);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException error, HttpServerRequest request, UriInfo uri,
                                  HttpHeaders headers) {
        nameRouteForMetrics(request, uri);
        return answer(Errors.notAcceptable(), headers);
    }

    /**
     * Quarkus REST answers an unsupported body or an unacceptable {@code Accept} while it picks the resource method
     * (DRF negotiates before it authenticates, too) — before it has named the request by its route for the metrics.
     */
    private void nameRouteForMetrics(HttpServerRequest request, UriInfo uri) {
        routes.route(uri.getPath()).ifPresent(route -> MetricRoutes.name(request, route.template()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, HttpServerRequest request, HttpHeaders headers) {
        int status = error.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(error, request, headers);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "Request failed." : type.getReasonPhrase() + ".";
        return answer(new ApiException(status, reason, "error"), headers);
    }

    /**
     * A chunked body that grows past {@code quarkus.http.limits.max-body-size} while it is read: the HTTP server
     * has answered 413 and closed the connection already. One line says so; the answer is the server's.
     */
    @ServerExceptionMapper
    public Response bodyUnreadable(java.io.IOException error, HttpServerRequest request, HttpHeaders headers) {
        HttpServerResponse response = request.response();
        if (!response.ended()) {
            return unexpected(error, request, headers);
        }
        LOG.warnf("Request body refused while it was read (%s): answered %d", error.getMessage(), response.getStatusCode());
        return Response.status(response.getStatusCode()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error, HttpServerRequest request, HttpHeaders headers) {
        if (request.response().headWritten()) {
            return cutOff(error, request);
        }
        if (databaseDown(error)) {
            // One line, not a trace per request; once the circuit is open, it has said so once for all of them.
            boolean known = database.isOpen();
            database.observe(error);
            LOG.logf(known ? Logger.Level.DEBUG : Logger.Level.WARN, "Database unavailable, answered 503: %s",
                    Outages.describe(error));
            return answer(Errors.serviceUnavailable(), headers);
        }
        Optional<StaleStateException> vanished = Causes.find(error, StaleStateException.class);
        if (vanished.isPresent()) {
            // Deleted by another request since this one read it: answered as if this one had come after.
            LOG.warnf("An object was deleted while the request wrote it, answered 404: %s", vanished.get().getMessage());
            return answer(Errors.notFound(), headers);
        }
        LOG.error("Unexpected error while serving a request", error);
        return answer(Errors.serverError(), headers);
    }

    /**
     * An answer that failed after its beginning was sent (a list streamed from the database that lost it): no error
     * can be answered any more, and what was sent must not end as if it were whole. The connection's channel is
     * closed at once — before the framework ends the answer it was writing (a graceful close would let that end
     * through) — so the client sees an incomplete answer, and one line says why.
     */
    private Response cutOff(Throwable error, HttpServerRequest request) {
        if (databaseDown(error)) {
            database.observe(error);
        }
        LOG.warnf("Answer cut off after it had begun (%d sent): %s", request.response().getStatusCode(),
                Outages.describe(error));
        if (request.connection() instanceof ConnectionBase connection) {
            connection.channel().close();
        } else {
            request.connection().close();
        }
        return Response.status(request.response().getStatusCode()).build();
    }

    private boolean databaseDown(Throwable error) {
        return Outages.databaseUnavailable(error) || database.isOpen() && Outages.databaseFailure(error);
    }

    private Response answer(ApiException error, HttpHeaders headers) {
        return responses.toResponse(error, headers.getHeaderString(HttpHeaders.ACCEPT));
    }
}
