package dev.portcullis.api;

import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import dev.portcullis.accounts.LoginThrottle;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.PolicyRegistry;
import dev.portcullis.security.throttle.RequestThrottles;
import dev.portcullis.viewsets.ViewSetOperations;
import dev.portcullis.viewsets.ViewSetSupport;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;


/**
 * Writes the guard's policies into the OpenAPI document: a security scheme per authentication class, and on
 * each operation the schemes it accepts (any one of them), the permission classes in force, and every refusal it
 * can answer; a viewset's operations also get the schemas of its objects, so that a client generated from the
 * document knows the data, and Swagger UI offers the right credential and shows who may call what.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class SecurityInOpenApi implements OASFilter {

    /** What any request may be answered before an operation is chosen, in DRF's shape. */
    static final String SERVER_WIDE = "Any request may also be answered, before an operation is chosen: 400 "
            + "{\"detail\": \"Invalid HTTP_HOST header: …\"} for a host the service does not serve; 405 for a method the "
            + "path does not route (after the resource's authentication and permissions, as DRF checks them); 406 for "
            + "an Accept it cannot answer; 413 for a body over the limit; 415 for a body type it does not read; 431 "
            + "for headers over the limit.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PolicyRegistry registry = Arc.container().instance(PolicyRegistry.class).get();
        ViewSetOperations viewSets = Arc.container().instance(ViewSetSupport.class).get().openApi();
        DenialsInOpenApi denials = new DenialsInOpenApi(Arc.container().instance(RequestThrottles.class).get(),
                Arc.container().instance(LoginThrottle.class).get());
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        Paths paths = openAPI.getPaths();
        if (paths == null) {
            return;
        }
        viewSets.addSchemas(components);
        DenialsInOpenApi.addSchemas(components);
        for (PolicyRegistry.Route route : registry.routes()) {
            PathItem path = paths.getPathItem(withoutTrailingSlash(route.template()));
            if (path == null) {
                continue;
            }
            for (String method : route.httpMethods()) {
                Operation operation = path.getOperations().get(PathItem.HttpMethod.valueOf(method));
                if (operation == null) {
                    continue;
                }
                EndpointPolicy policy = registry.policyFor(route, method);
                policy.authenticators().forEach(a -> components.addSecurityScheme(a.name(), schemeOf(a)));
                registry.resourceMethod(route, method).map(m -> m.getAnnotation(ResponseStatus.class))
                        .ifPresent(status -> answeredWith(operation, status.value()));
                viewSets.describe(registry.resourceOf(route), policy.action(), operation);
                describe(operation, policy);
                denials.describe(operation, policy);
                inOrderOfStatus(operation);
            }
        }
        restoreTrailingSlashes(paths, registry);
        withoutInternals(components);
        if (openAPI.getInfo() != null) {
            openAPI.getInfo().description((openAPI.getInfo().getDescription() == null ? ""
                    : openAPI.getInfo().getDescription() + "\n\n") + SERVER_WIDE);
        }
    }

    private static void inOrderOfStatus(Operation operation) {
        java.util.Map<String, APIResponse> sorted = new java.util.TreeMap<>(operation.getResponses().getAPIResponses());
        operation.setResponses(OASFactory.createAPIResponses());
        sorted.forEach(operation.getResponses()::addAPIResponse);
    }

    /** A method that declares its status ({@code @ResponseStatus(201)}) answers with it, not with the scan's 200. */
    private static void answeredWith(Operation operation, int status) {
        // The scan's success: 200, or 201 for a POST that returns nothing.
        String scanned = operation.getResponses() == null ? null : java.util.stream.Stream.of("200", "201")
                .filter(operation.getResponses()::hasAPIResponse).findFirst().orElse(null);
        APIResponse ok = scanned == null ? null : operation.getResponses().getAPIResponse(scanned);
        if (ok != null && !scanned.equals(String.valueOf(status))) {
            operation.getResponses().removeAPIResponse(scanned);
            operation.getResponses().addAPIResponse(String.valueOf(status), status == 204
                    ? OASFactory.createAPIResponse().description("No content") : ok.description("Created"));
        }
    }

    /**
     * The service's own types that the scan of the resources' signatures finds — a body ({@code Payload}) as a free
     * object of fields, never its Jackson internals; a viewset's answer ({@code Representation}) is described by its
     * serializer instead, never by the serializer's own parts (its names' {@code SerializableString}).
     */
    private static void withoutInternals(Components components) {
        components.addSchema("Body", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON object (or a form) of the fields the operation reads."));
        for (String internal : List.of("JsonNode", "JsonNodeType", "ModelSerializerObject", "Representation",
                "SerializableString")) {
            components.removeSchema(internal);
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The generated document drops the trailing slash DRF's paths (and ours) end with; a client needs it. */
    private static void restoreTrailingSlashes(Paths paths, PolicyRegistry registry) {
        for (PolicyRegistry.Route route : registry.routes()) {
            String generated = withoutTrailingSlash(route.template());
            PathItem item = paths.getPathItem(generated);
            if (item != null && !generated.equals(route.template())) {
                paths.removePathItem(generated);
                paths.addPathItem(route.template(), item);
            }
        }
    }

    private static void describe(Operation operation, EndpointPolicy policy) {
        operation.setSecurity(policy.authenticators().stream()
                .map(a -> OASFactory.createSecurityRequirement().addScheme(a.name()))
                .toList());
        operation.addExtension("x-permissions", policy.permissionNames());
        operation.addExtension("x-action", policy.action());
        String permissions = "Permissions: " + (policy.permissionNames().isEmpty() ? "none"
                : String.join(", ", policy.permissionNames())) + " (" + policy.permissionSource().label()
                + "). Authentication: "
                + (policy.authenticators().isEmpty() ? "none" : String.join(", ", policy.authenticatorNames())) + ".";
        operation.setDescription(operation.getDescription() == null ? permissions
                : operation.getDescription() + "\n\n" + permissions);
    }

    private static SecurityScheme schemeOf(Authenticator authenticator) {
        SecurityScheme scheme = OASFactory.createSecurityScheme().description(authenticator.usage());
        return switch (authenticator.name()) {
            case "JWTAuthentication" -> scheme.type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT");
            case "BasicAuthentication" -> scheme.type(SecurityScheme.Type.HTTP).scheme("basic");
            // Any other keyword (Token, or a configured one) is sent whole in the Authorization header.
            default -> scheme.type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization");
        };
    }
}
