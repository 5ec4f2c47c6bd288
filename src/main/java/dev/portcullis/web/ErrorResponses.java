package dev.portcullis.web;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.ErrorWriter;
import dev.portcullis.security.core.ValidationError;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes every error the service answers: DRF's JSON body, status and headers — or, for a client that
 * asks for {@code application/problem+json}, the same error as an RFC 9457 problem document.
 */
@Singleton
public class ErrorResponses implements ErrorWriter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_TYPE_PREFIX = "urn:portcullis:problem:";

    @Override
    public Response toResponse(ApiException error, String accept) {
        boolean problem = accept != null && accept.toLowerCase(Locale.ROOT).contains(PROBLEM_JSON);
        Response.ResponseBuilder response = Response.status(error.status())
                .type(problem ? PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .entity(problem ? problemOf(error) : error.body());
        error.headers().forEach(response::header);
        return response.build();
    }

    /** RFC 9457: type, title, status, detail, plus DRF's code and every other field of the DRF body. */
    private static Map<String, Object> problemOf(ApiException error) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE_PREFIX + error.code());
        Response.StatusType status = Response.Status.fromStatusCode(error.status());
        problem.put("title", status == null ? "Error" : status.getReasonPhrase());
        problem.put("status", error.status());
        problem.put("detail", error.detail());
        problem.put("code", error.code());
        if (error instanceof ValidationError validation) {
            problem.put("errors", validation.errors());
        } else {
            error.body().forEach(problem::putIfAbsent);
        }
        return problem;
    }
}
