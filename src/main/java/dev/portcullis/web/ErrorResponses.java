package dev.portcullis.web;

import dev.portcullis.security.core.ApiException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Writes every error the service answers: DRF's JSON body, status and headers. */
@Singleton
public class ErrorResponses {

    public Response toResponse(ApiException error) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error.body());
        error.headers().forEach(response::header);
        return response.build();
    }
}
