package dev.portcullis.api;

import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.PolicyRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;


/**
 * Writes the guard's policies into the OpenAPI document: a security scheme per authentication class, and on
 * each operation the schemes it accepts (any one of them) and the permission classes in force, so that
 * Swagger UI offers the right credential and a reader sees who may call what.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class SecurityInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PolicyRegistry registry = Arc.container().instance(PolicyRegistry.class).get();
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        Paths paths = openAPI.getPaths();
        if (paths == null) {
            return;
        }
        for (EndpointPolicy policy : registry.policies()) {
            policy.authenticators().forEach(a -> components.addSecurityScheme(a.name(), schemeOf(a)));
            PathItem path = paths.getPathItem(withoutTrailingSlash(policy.path()));
            Operation operation = path == null ? null
                    : path.getOperations().get(PathItem.HttpMethod.valueOf(policy.httpMethod()));
            if (operation != null) {
                describe(operation, policy);
            }
        }
        restoreTrailingSlashes(paths, registry);
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
