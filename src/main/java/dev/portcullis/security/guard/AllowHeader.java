package dev.portcullis.security.guard;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * DRF's {@code APIView} says on every answer which methods the view has ({@code Allow: GET, POST, HEAD, OPTIONS}),
 * a success as well as a 401, 403, 404 or 429 — not only on OPTIONS and 405, which set it themselves. Endpoints
 * outside the guard ({@link Unguarded}) are no DRF views, and say nothing.
 */
public class AllowHeader {

    private static final String ALLOW = "Allow";

    private final PolicyRegistry registry;

    public AllowHeader(PolicyRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void allow(ContainerResponseContext response, ResourceInfo method, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null || response.getHeaders().containsKey(ALLOW)) {
            return;
        }
        registry.policyOf(method, resource)
                .ifPresent(policy -> response.getHeaders().putSingle(ALLOW, registry.allowOf(policy)));
    }
}
