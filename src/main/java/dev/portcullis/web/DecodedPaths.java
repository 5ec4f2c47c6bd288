package dev.portcullis.web;

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
 * {@code OPTIONS /api/admin/users/x%2F/}: the guard saw {@code /api/admin/users/x//}, no route of its own, and let
 * it pass, and Quarkus REST answered it with its own 200 and {@code Allow} header, unauthenticated. Decoding the
 * slashes before anything matches gives both the same path; and Vert.x's merging of {@code //} and resolving of
 * dot segments no longer makes {@code /api/admin//users/x/} an alias of a real endpoint.
 */
public class DecodedPaths {

    private static final Pattern ENCODED_SLASH = Pattern.compile("%2[fF]");
    private static final Pattern ENCODED_DOT = Pattern.compile("%2[eE]");
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
        if (NOT_ROUTABLE.matcher(ENCODED_DOT.matcher(slashes).replaceAll(".")).find()) {
            throw new NotFoundException();
        }
        if (!slashes.equals(raw)) {
            URI uri = request.getUriInfo().getRequestUri();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + slashes
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        }
    }
}
