package dev.portcullis.api;

import dev.portcullis.accounts.LoginThrottle;
import dev.portcullis.security.core.Denial;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.security.throttle.RequestThrottles;
import dev.portcullis.viewsets.ViewSetOperations;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every refusal an operation can answer, read from the policy the guard resolved for it, each with DRF's body: 400
 * where a body or a filter is read, 401 where an authentication class can challenge, 403 where a permission class
 * (or CSRF) can deny — naming the classes and their messages —, 404 where an object is looked up, 429 where a rate
 * applies, and 503 while the database cannot be reached.
 */
final class DenialsInOpenApi {

    private static final String ERROR = ViewSetOperations.ERROR;
    private static final String VALIDATION_ERROR = ViewSetOperations.VALIDATION_ERROR;
    private static final Set<String> BODIES = Set.of("POST", "PUT", "PATCH");
    /** The endpoints that sign in with a password: the login rate counts their failures. */
    private static final Set<String> LOGINS = Set.of("/api/token/", "/api/jwt/create/", "/api/auth/login/");

    private final RequestThrottles throttles;
    private final LoginThrottle logins;

    DenialsInOpenApi(RequestThrottles throttles, LoginThrottle logins) {
        this.throttles = throttles;
        this.logins = logins;
    }

    static void addSchemas(Components components) {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema(ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("DRF's error body: the detail, and for some errors a code (JWTs: also the messages).")
                .addProperty("detail", text).addProperty("code", text).addRequired("detail"));
        components.addSchema(VALIDATION_ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("DRF's validation errors: each field's messages under its name, the object's under "
                        + "non_field_errors.")
                .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(text)));
    }

    void describe(Operation operation, EndpointPolicy policy) {
        if (BODIES.contains(policy.httpMethod()) || operation.getRequestBody() != null) {
            operation.getResponses().addAPIResponse("400", response("Invalid input: each field's messages (DRF's "
                    + "ValidationError).", VALIDATION_ERROR, Map.of("field", List.of("This field is required."))));
        }
        String challenge = policy.wwwAuthenticate();
        if (challenge != null) {
            APIResponse unauthorized = response("Authentication credentials were not provided, or the credential "
                    + "is not valid (the endpoint's first authentication class, " + policy.authenticatorNames().get(0)
                    + ", answers 401).", ERROR, detail("Authentication credentials were not provided."));
            unauthorized.addHeader("WWW-Authenticate", OASFactory.createHeader().description("e.g. " + challenge)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            operation.getResponses().addAPIResponse("401", unauthorized);
        }
        List<String> denials = denials(policy);
        if (!denials.isEmpty()) {
            operation.getResponses().addAPIResponse("403", response(String.join(" ", denials), ERROR,
                    detail(firstMessage(policy))));
        }
        if (policy.path().contains("{")) {
            operation.getResponses().addAPIResponse("404", response("Not found.: no such object, or one the caller may "
                    + "not see.", ERROR, detail("Not found.")));
        }
        if (throttles.mayRefuse(policy.throttleScope()) || logins.counts() && (LOGINS.contains(policy.path())
                || policy.authenticatorNames().contains("BasicAuthentication"))) {
            APIResponse throttled = response("Request was throttled.", ERROR,
                    detail("Request was throttled. Expected available in 59 seconds."));
            throttled.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            operation.getResponses().addAPIResponse("429", throttled);
        }
        APIResponse unavailable = response("Service temporarily unavailable, try again later. (the database cannot "
                + "be reached)", ERROR, detail("Service temporarily unavailable, try again later."));
        unavailable.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        operation.getResponses().addAPIResponse("503", unavailable);
    }

    /** Who can answer 403, and with which words. */
    private static List<String> denials(EndpointPolicy policy) {
        List<String> denials = new ArrayList<>();
        for (Permission permission : policy.permissions()) {
            if (permission.name().equals("AllowAny")) {
                continue;
            }
            denials.add(permission.name() + (Evaluation.hasObjectRules(permission) ? " (also after the object is found)"
                    : "") + ": \"" + (permission.message() != null ? permission.message() : Denial.PERMISSION_DENIED_DETAIL)
                    + "\"");
        }
        if (!policy.authenticators().isEmpty() && policy.wwwAuthenticate() == null) {
            denials.add(policy.authenticatorNames().get(0) + " has no challenge: a missing or bad credential is 403.");
        }
        if (BODIES.contains(policy.httpMethod()) || "DELETE".equals(policy.httpMethod())) {
            if (policy.authenticatorNames().contains("SessionAuthentication") && !policy.csrfExempt()) {
                denials.add("SessionAuthentication: \"CSRF Failed: …\" without the X-CSRFToken header or from an "
                        + "untrusted origin.");
            }
        }
        if (policy.originChecked()) {
            denials.add("A request from an origin that is not trusted: \"CSRF Failed: Origin checking failed - … does "
                    + "not match any trusted origins.\"");
        }
        return denials;
    }

    /** The words of the first class that can refuse with 403 (DRF's default where it has none of its own). */
    private static String firstMessage(EndpointPolicy policy) {
        return policy.permissions().stream().filter(permission -> !permission.name().equals("AllowAny"))
                .map(permission -> permission.message() != null ? permission.message() : Denial.PERMISSION_DENIED_DETAIL)
                .findFirst().orElse("CSRF Failed: CSRF token missing or incorrect.");
    }

    private static Map<String, Object> detail(String detail) {
        return Map.of("detail", detail);
    }

    private static APIResponse response(String description, String schema, Map<String, Object> example) {
        Content content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + schema)).example(example));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
