package dev.portcullis.security.core;

import java.util.Map;
import java.util.Set;

/**
 * What a permission class is shown of a request (DRF's {@code request} and {@code view} together):
 * who asks, with which HTTP method, for which action, with which path parameters.
 *
 * @param authenticator the DRF name of the authentication class that succeeded, or {@code null}
 * @param model         the model the endpoint serves (DRF's {@code view.queryset.model}), or {@code null}
 * @param memo          what permission classes looked up for this request, so that it is looked up once
 */
public record AccessRequest(Caller user, String method, String action, Map<String, String> pathParameters,
                            String authenticator, String model, RequestMemo memo) {

    /** DRF's {@code SAFE_METHODS}. */
    public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    public AccessRequest {
        pathParameters = Map.copyOf(pathParameters);
    }

    /** A request to an endpoint that serves no model. */
    public AccessRequest(Caller user, String method, String action, Map<String, String> pathParameters,
                         String authenticator) {
        this(user, method, action, pathParameters, authenticator, null, new RequestMemo());
    }

    public boolean safeMethod() {
        return SAFE_METHODS.contains(method);
    }
}
