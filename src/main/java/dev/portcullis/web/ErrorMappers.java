package dev.portcullis.web;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Errors;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become answers: DRF's errors as they are, and the framework's own
 * (404, 405, 415, 406) in DRF's words. Anything unexpected is logged with its stack trace and answered
 * with a plain 500 body, never the trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final ErrorResponses responses;

    public ErrorMappers(ErrorResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException error) {
        return responses.toResponse(error);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException error) {
        return responses.toResponse(Errors.notFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException error, Request request) {
        return responses.toResponse(Errors.methodNotAllowed(request.getMethod()));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException error, HttpHeaders headers) {
        return responses.toResponse(Errors.unsupportedMediaType(String.valueOf(headers.getMediaType())));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException error) {
        return responses.toResponse(Errors.notAcceptable());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(error);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "Request failed." : type.getReasonPhrase() + ".";
        return responses.toResponse(new ApiException(status, reason, "error"));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error) {
        LOG.error("Unexpected error while serving a request", error);
        return responses.toResponse(Errors.serverError());
    }
}
