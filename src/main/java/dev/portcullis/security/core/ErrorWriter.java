package dev.portcullis.security.core;

import jakarta.ws.rs.core.Response;

/**
 * Turns a DRF error into the answer the client gets. The guard answers denials through it and leaves the body's
 * form (DRF's JSON, or a problem document for a client that asks for one) to the application that implements it.
 */
public interface ErrorWriter {

    /** @param accept the request's {@code Accept} header, or {@code null} */
    Response toResponse(ApiException error, String accept);
}
