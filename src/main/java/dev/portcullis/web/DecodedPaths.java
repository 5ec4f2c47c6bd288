package dev.portcullis.web;

import dev.portcullis.security.core.MetricRoutes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A path is routed as Django routes it: by its decoded form, segment by segment, where an encoded slash
 * ({@code %2F}) is a slash and an encoded dot ({@code %2E}) a dot. An empty segment ({@code //}) or a dot segment
 * ({@code /./}, {@code /../}) matches none of a router's patterns, so such a path is a 404, as in Django — which
 * does not merge slashes or resolve dots before it routes.
 * <p>
 * Why it matters: Quarkus REST matches the path still encoded and decodes its parameters afterwards, while
 * everything that looks at a path before a resource method is matched — the guard's answers to OPTIONS and to
 * methods a path does not route, the probes' switch, the browsable API — reads it decoded. The two disagreed on
 * {@code GET /api/admin/users/a%2Fb/}: the guard saw {@code /api/admin/users/a/b/}, no route of its own, and let
 * it pass, and Quarkus REST matched the user endpoint with the username "a/b" and answered 405 before any check.
 * Decoding the slashes before anything matches gives both the same path; and Vert.x's merging of {@code //} and
 * resolving of dot segments no longer makes {@code /api/admin//users/x/} an alias of a real endpoint.
 */
public class DecodedPaths {

    private static final Pattern ENCODED_SLASH = Pattern.compile("%2[fF]");
    private static final Pattern ENCODED_DOT = Pattern.compile("%2[eE]");
    /**
     * What the HTTP server metrics count a refused path under: one of the client's making would start a series of
     * its own (and the metrics merge its empty segments, so not even its raw form can be named as it came).
     */
    static final String METRICS_NAME = "/invalid-path";
    /** An empty segment, or a segment that is {@code .} or {@code ..}. */
    private static final Pattern NOT_ROUTABLE = Pattern.compile("//|/\\.\\.?(?:/|$)");

    /** Runs before every other filter that reads the path. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 200)
    public void routeAsDecoded(ContainerRequestContext request, HttpServerRequest connection) {
        String raw = connection.path();
        if (raw.indexOf('%') < 0 && raw.indexOf("/.") < 0 && raw.indexOf("//") < 0) {
            return;  // nearly every request: nothing encoded, nothing to resolve
        }
        String slashes = ENCODED_SLASH.matcher(raw).replaceAll("/");
        if (NOT_ROUTABLE.matcher(ENCODED_DOT.matcher(slashes).replaceAll(".")).find() || !slashes.equals(raw)
                && !routedAs(request, connection, slashes)) {
            MetricRoutes.name(connection, METRICS_NAME);
            throw new NotFoundException();
        }
    }

    /**
     * Routes the request by {@code path}, its slashes decoded, when nothing else in it or in its query is encoded:
     * Quarkus REST keeps a new request URI's path and query decoded, so another escape would be decoded twice. Such
     * a path (an encoded slash beside other escapes) is refused instead; no endpoint's path could hold it.
     */
    private static boolean routedAs(ContainerRequestContext request, HttpServerRequest connection, String path) {
        String query = connection.query();
        if (path.indexOf('%') >= 0 || query != null && query.indexOf('%') >= 0) {
            return false;
        }
        URI uri = request.getUriInfo().getRequestUri();
        request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                + (query == null ? "" : "?" + query)));
        return true;
    }
}
