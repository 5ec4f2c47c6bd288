package dev.portcullis.security.guard;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.permission.Evaluation;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DRF's {@code SimpleMetadata.determine_actions}: which of {@code PUT} and {@code POST} the caller of an OPTIONS could
 * send to the path — the OPTIONS policy's permissions asked again with that method and, for {@code PUT}, the object
 * looked up and its object-level checks run — and, for each, the fields the resource's serializer takes. A method the
 * caller could not send, for any reason (denied, or no such object for them), is left out, as DRF leaves it out.
 */
@Singleton
@Unremovable
public class MetadataActions {

    /** DRF asks these two methods only, where the view has them. */
    private static final List<String> METHODS = List.of("PUT", "POST");
    private static final String LOOKUP = "id";

    private final PolicyRegistry registry;

    public MetadataActions(PolicyRegistry registry) {
        this.registry = registry;
    }

    /** Whether an OPTIONS of the route has actions to determine (and so a database to read, off the event loop). */
    boolean mayExistFor(PolicyRegistry.Route route) {
        return SerializerInfo.class.isAssignableFrom(route.resourceClass())
                && METHODS.stream().anyMatch(route.httpMethods()::contains);
    }

    /**
     * The actions for the caller of an OPTIONS the guard allowed; empty when they could send neither method. Reads
     * the database: call it on a worker thread.
     *
     * @param options the OPTIONS request as the guard allowed it, under the route's default policy
     */
    Map<String, Object> of(PolicyRegistry.Route route, String path, EndpointPolicy policy, AccessRequest options) {
        Object resource = registry.resourceOf(route);
        Map<String, Object> fields = ((SerializerInfo) resource).serializerInfo(route.template());
        if (fields == null) {
            return Map.of();
        }
        Map<String, String> pathParameters = PathTemplate.parameters(route.template(), path);
        Map<String, Object> actions = new LinkedHashMap<>();
        for (String method : METHODS) {
            if (!route.httpMethods().contains(method)) {
                continue;
            }
            AccessRequest asked = policy.requestOf(options.user(), method, pathParameters, options.authenticator());
            if (permits(policy, asked, resource, pathParameters.get(LOOKUP), method)) {
                actions.put(method, fields);
            }
        }
        return actions;
    }

    /** DRF's {@code check_permissions} and, for {@code PUT}, {@code get_object()}: any refusal leaves the method out. */
    private static boolean permits(EndpointPolicy policy, AccessRequest asked, Object resource, String id,
                                   String method) {
        if ("PUT".equals(method) && id != null && resource instanceof ObjectLookup lookup) {
            try {
                return ObjectVisibility.readable(policy, asked, (read, request) -> lookup.lookupObject(id, read, request))
                        .isPresent();
            } catch (ApiException notThere) {
                // An id the lookup refuses (not a number, say): DRF's get_object() raises Http404.
                return false;
            }
        }
        return policy.permissions().stream().allMatch(permission -> Evaluation.check(permission, asked).allowed());
    }
}
