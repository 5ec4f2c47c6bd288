package dev.portcullis.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The policy examples ({@link ProbeViews}) exist only where {@code portcullis.probes.enabled} is true — dev mode and
 * tests; in a production build they answer 404 as any unknown path does, before anything else looks at the request.
 * They open what the reference API protects (notes read anonymously, a staff user editing others' posts), to show
 * the rules, not to serve.
 */
public class ProbeSwitch {

    static final String PREFIX = "/api/probe/";

    private final boolean enabled;

    public ProbeSwitch(@ConfigProperty(name = "portcullis.probes.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void hideProbes(ContainerRequestContext request) {
        if (!enabled && request.getUriInfo().getPath().startsWith(PREFIX)) {
            throw new NotFoundException();
        }
    }
}
