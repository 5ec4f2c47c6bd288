package dev.portcullis.security.guard;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Denial;
import dev.portcullis.security.core.ErrorWriter;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.core.MetricRoutes;
import dev.portcullis.security.throttle.ClientAddresses;
import dev.portcullis.security.throttle.RequestThrottles;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the guard hooks into Quarkus REST. A post-matching request filter runs after the resource method
 * is chosen but before the body is read and parameters are converted, which is DRF's order: an anonymous
 * POST with a malformed body is a 401, not a 400. A plain CDI interceptor would run too late (after the
 * body is deserialised). A pre-matching filter handles what no resource method matches: OPTIONS (DRF's
 * {@code metadata} action) and methods the resource lacks are authorized with the resource's default
 * policy before their 200 or 405, and a path without its trailing slash, or OPTIONS of a path no route serves, is
 * a 404.
 * <p>
 * No scope is declared, so the generated filters keep Quarkus REST's client proxy: declared {@code @Singleton},
 * they were built with the REST deployment, before the runtime configuration the guard's identity providers read
 * (the JWT settings), and the service did not start.
 */
public class GuardFilters {

    private static final String ALLOW = "Allow";

    /**
     * After the pre-matching filters that negotiate (the browsable API's, at Quarkus REST's default priority): DRF
     * negotiates before it authenticates, so an unknown {@code ?format=} is a 404 before any 401, 403 or 405.
     */
    private static final int AFTER_NEGOTIATION = Priorities.USER + 100;

    private final PolicyRegistry registry;
    private final Guard guard;
    private final GuardContext context;
    private final ErrorWriter errors;
    private final RequestThrottles throttles;
    private final ClientAddresses addresses;
    private final MetadataActions actions;

    public GuardFilters(PolicyRegistry registry, Guard guard, GuardContext context, ErrorWriter errors,
                        RequestThrottles throttles, ClientAddresses addresses, MetadataActions actions) {
        this.actions = actions;
        this.throttles = throttles;
        this.addresses = addresses;
        this.registry = registry;
        this.guard = guard;
        this.context = context;
        this.errors = errors;
    }

    /**
     * Decides on this thread when it can (a credential verified before, rates counted in memory): the common request
     * then composes no {@code Uni} and captures no context; the others are held until the guard has decided.
     */
    @ServerRequestFilter
    public void guardResourceMethod(ResteasyReactiveContainerRequestContext request, ResourceInfo method,
                                    SimpleResourceInfo resource, HttpServerRequest connection) {
        Optional<EndpointPolicy> policy = registry.policyOf(method, resource);
        if (policy.isPresent()) {
            allow(connection, registry.allowOf(policy.get()));
            enforce(policy.get(), request, connection, () -> null);
        }
    }

    /**
     * Returns without a decision to make for the common request, a method its resource has: only OPTIONS and
     * missing methods wait for the guard (a filter returning a {@code Uni} would make every request wait for one).
     */
    @ServerRequestFilter(preMatching = true, priority = AFTER_NEGOTIATION)
    public void guardUnroutedMethod(ResteasyReactiveContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getPath();
        Optional<PolicyRegistry.Route> route = registry.route(path);
        if (route.isEmpty()) {
            // A path no route serves is a 404 for every method. Quarkus REST answers the others so itself, but OPTIONS
            // under a resource's prefix (/api/admin/users/x/y/) with its own 200 and the resource's methods in Allow,
            // unauthenticated.
            if ("OPTIONS".equals(request.getMethod()) || !path.endsWith("/") && registry.route(path + "/").isPresent()) {
                request.abortWith(errors.toResponse(Errors.notFound(), request.getHeaderString("Accept")));
            }
            return;
        }
        String method = request.getMethod();
        Set<String> routed = route.get().httpMethods();
        if (routed.contains(method) || ("HEAD".equals(method) && routed.contains("GET"))) {
            return;
        }
        allow(connection, registry.allowOf(route.get()));
        MetricRoutes.name(connection, route.get().template());
        EndpointPolicy policy = registry.defaultPolicy(route.get(), method);
        if ("OPTIONS".equals(method) && actions.mayExistFor(route.get())) {
            enforceThenOnAWorker(policy, request, connection, allowed -> Response.ok(Metadata.of(route.get(),
                    registry.viewOf(route.get()), actions.of(route.get(), path, policy, allowed))).build());
            return;
        }
        enforce(policy, request, connection, () -> {
            if (!"OPTIONS".equals(method)) {
                throw Errors.methodNotAllowed(method);
            }
            return Response.ok(Metadata.of(route.get(), registry.viewOf(route.get()), Map.of())).build();
        });
    }

    /**
     * Holds the request until the guard has decided, then answers it or lets it go on (a {@code null} answer).
     * {@code abortWith} resumes a held request itself; resuming it once more raced the answer being written, and a
     * request throttled through Redis was answered 429 with no body.
     */
    static void answerWhenDecided(ResteasyReactiveContainerRequestContext request, Uni<Response> answer) {
        request.suspend();
        answer.subscribe().with(response -> {
            if (response != null) {
                request.abortWith(response);
            } else {
                request.resume();
            }
        }, request::resume);
    }

    /**
     * Runs the guard; when it allows, records its verdict for the endpoint and answers what {@code whenAllowed}
     * gives ({@code null}: go on to the resource method); when it denies, answers the error. A request whose
     * credential was verified before and whose rates are counted in memory is decided on this thread; any other
     * is held until the guard has decided.
     */
    private void enforce(EndpointPolicy policy, ResteasyReactiveContainerRequestContext request,
                         HttpServerRequest connection, Supplier<Response> whenAllowed) {
        RequestCredentials credentials = new RequestCredentials(request, connection, addresses);
        Map<String, String> pathParameters = pathParameters(request);
        Optional<AccessRequest> decided;
        try {
            decided = guard.authorizeNow(policy, credentials, request.getMethod(), pathParameters);
            if (decided.isPresent() && throttles.checkNow(decided.get().user(), connection, policy.throttleScope())) {
                answer(request, allowed(policy, decided.get(), credentials, whenAllowed));
                return;
            }
        } catch (ApiException failure) {
            answer(request, refused(policy, failure, request));
            return;
        }
        Uni<AccessRequest> authorized = decided.map(accessRequest -> Uni.createFrom().item(accessRequest))
                .orElseGet(() -> guard.authorize(policy, credentials, request.getMethod(), pathParameters));
        answerWhenDecided(policy, request, connection, authorized,
                accessRequest -> Uni.createFrom().item(allowed(policy, accessRequest, credentials, whenAllowed)));
    }

    /**
     * Runs the guard, then, when it allows, answers with what {@code answer} makes of the allowed request on a worker
     * thread (an OPTIONS's actions look an object up); when it denies, answers the error.
     */
    private void enforceThenOnAWorker(EndpointPolicy policy, ResteasyReactiveContainerRequestContext request,
                                      HttpServerRequest connection, Function<AccessRequest, Response> answer) {
        RequestCredentials credentials = new RequestCredentials(request, connection, addresses);
        Uni<AccessRequest> authorized = guard.authorize(policy, credentials, request.getMethod(), pathParameters(request));
        answerWhenDecided(policy, request, connection, authorized, accessRequest -> {
            context.set(policy, accessRequest, credentials);
            return Uni.createFrom().item(() -> answer.apply(accessRequest))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    /** Holds the request until the guard has decided and its rates are counted, then answers what the guard decided. */
    private void answerWhenDecided(EndpointPolicy policy, ResteasyReactiveContainerRequestContext request,
                                   HttpServerRequest connection, Uni<AccessRequest> authorized,
                                   Function<AccessRequest, Uni<Response>> whenAllowed) {
        answerWhenDecided(request, authorized
                .flatMap(accessRequest -> throttles.check(accessRequest.user(), connection, policy.throttleScope())
                        .flatMap(counted -> whenAllowed.apply(accessRequest)))
                .onFailure(ApiException.class).recoverWithItem(failure -> refused(policy, (ApiException) failure, request)));
    }

    /** Answers the request now, or lets it go on to its resource method ({@code null}). */
    private static void answer(ResteasyReactiveContainerRequestContext request, Response response) {
        if (response != null) {
            request.abortWith(response);
        }
    }

    private Response allowed(EndpointPolicy policy, AccessRequest accessRequest, RequestCredentials credentials,
                             Supplier<Response> whenAllowed) {
        context.set(policy, accessRequest, credentials);
        return whenAllowed.get();
    }

    private Response refused(EndpointPolicy policy, ApiException failure, ContainerRequestContext request) {
        if (failure instanceof Denial denial) {
            context.refused(policy, denial);
        }
        return errors.toResponse(failure, request.getHeaderString("Accept"));
    }

    /**
     * DRF's views say on every answer which methods they have ({@code Allow: GET, POST, HEAD, OPTIONS}): a success as
     * well as a 401, 403, 404, 405 or 429. Set on the connection's answer as soon as the endpoint is known, where
     * every answer written afterwards keeps it; a path no endpoint serves says nothing.
     */
    private static void allow(HttpServerRequest connection, String allow) {
        connection.response().headers().set(ALLOW, allow);
    }

    private static Map<String, String> pathParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
        if (parameters.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        parameters.forEach((name, values) -> result.put(name, values.isEmpty() ? null : values.get(0)));
        return result;
    }
}
