package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import dev.portcullis.security.guard.AccessExplainer;
import dev.portcullis.security.guard.AccessExplanation;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.PolicyRegistry;
import dev.portcullis.security.permission.IsAdminUser;
import dev.portcullis.web.Payload;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import dev.portcullis.security.lock.PolicySnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Introspection for administrators: the policy of every endpoint and action, and "would U be allowed?". */
@Path("/api/_meta/")
@Permissions(IsAdminUser.class)
public class MetaResource {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** One endpoint and action, with the classes in force and where each list was declared. */
    public record EndpointView(String path, String method, String action, String resource,
                               List<String> authentication, String authenticationSource,
                               List<String> permissions, String permissionsSource) {

        static EndpointView of(EndpointPolicy policy) {
            return new EndpointView(policy.path(), policy.httpMethod(), policy.action(), policy.resource(),
                    policy.authenticatorNames(), policy.authenticationSource().label(),
                    policy.permissionNames(), policy.permissionSource().label());
        }
    }

    private final PolicyRegistry registry;
    private final AccessExplainer explainer;
    private final PolicySnapshot snapshot;

    public MetaResource(PolicyRegistry registry, AccessExplainer explainer, PolicySnapshot snapshot) {
        this.registry = registry;
        this.explainer = explainer;
        this.snapshot = snapshot;
    }

    /** Every routed method, then each path's OPTIONS (DRF's {@code metadata} action, the resource's default). */
    @GET
    @Path("endpoints/")
    public List<EndpointView> endpoints() {
        List<EndpointView> endpoints = new ArrayList<>();
        registry.policies().forEach(policy -> endpoints.add(EndpointView.of(policy)));
        registry.routes().stream()
                .sorted((a, b) -> a.template().compareTo(b.template()))
                .forEach(route -> endpoints.add(EndpointView.of(registry.defaultPolicy(route, "OPTIONS"))));
        return endpoints;
    }

    /**
     * The policy lockfile's entries as the service runs them (what {@code policy-lock --check} compares): one object
     * per endpoint and action, its fields named as in the file ({@code object checks} → {@code object_checks}).
     */
    @GET
    @Path("policies/")
    public List<Map<String, String>> policies() {
        return snapshot.entries().stream().map(entry -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("endpoint", entry.key());
            entry.fields().forEach((name, value) -> fields.put(name.replace(' ', '_'), value));
            return fields;
        }).toList();
    }

    @POST
    @Path("explain/")
    public AccessExplanation explain(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.ExplainRequest.class)))
            Payload payload) {
        String username = payload.text("username").optional(null);
        String method = payload.text("method").maxLength(10)
                .must(m -> METHODS.contains(m.toUpperCase(Locale.ROOT)), "Not a supported HTTP method.").required();
        String path = payload.text("path").maxLength(2000).must(p -> p.startsWith("/"), "Must start with '/'.").required();
        String objectId = payload.text("object_id").optional(null);
        payload.validate();
        return explainer.explain(username, method.toUpperCase(Locale.ROOT), path, objectId);
    }
}
