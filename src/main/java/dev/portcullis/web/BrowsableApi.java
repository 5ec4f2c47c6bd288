package dev.portcullis.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Denial;
import dev.portcullis.security.core.MetricRoutes;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.Metadata;
import dev.portcullis.security.guard.PolicyRegistry;
import dev.portcullis.security.guard.SerializerInfo;
import dev.portcullis.security.guard.View;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DRF's browsable API: a browser asking for any endpoint gets the answer as an HTML page (see {@link BrowsablePage})
 * instead of JSON; API clients get exactly the JSON they always did ({@link HtmlNegotiation}). What the page says
 * of the view and the caller is what the guard decided for this request, not a second computation. Every value is
 * escaped by Qute; the page loads only its own stylesheet and script (a strict Content-Security-Policy) and is
 * never cached.
 */
public class BrowsableApi {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final List<String> UNSAFE_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");
    private static final String ENDPOINT_MAP = "/api/_meta/policies/";
    static final int SHOWN_CHARACTERS = 1 << 20;
    /** How the answer is rendered when not as plain JSON: {@link Boolean#TRUE} for the page, an Integer indent. */
    private static final String RENDERING = BrowsableApi.class.getName() + ".rendering";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(BrowsablePage page);
    }

    private final ObjectMapper json;
    private final GuardContext guard;
    private final PolicyRegistry registry;

    public BrowsableApi(ObjectMapper json, GuardContext guard, PolicyRegistry registry) {
        this.json = json;
        this.guard = guard;
        this.registry = registry;
    }

    /**
     * Decides before the resource is matched, and tells the rest of the request to answer JSON: the page is made
     * of the JSON answer, and a resource that produces only JSON must not refuse a browser with a 406.
     */
    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        // Runs for every API request: no URI is built, and the query is parsed only when it may hold ?format= (an
        // escaped name too: Django reads ?%66ormat= as ?format=).
        String query = http.query();
        String format = query != null && (query.contains("format=") || query.indexOf('%') >= 0) ? format(request)
                : null;
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (format != null) {
            registry.route(request.getUriInfo().getPath()).ifPresent(route -> MetricRoutes.name(http, route.template()));
            HtmlNegotiation.checkFormat(accept, format);
        }
        boolean html = HtmlNegotiation.wantsHtml(accept, format);
        if (html || "json".equals(format)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        if (html && !"HEAD".equals(request.getMethod())) {
            request.setProperty(RENDERING, Boolean.TRUE);
        } else if (!html) {
            int indent = HtmlNegotiation.indent(accept);
            if (indent > 0) {
                request.setProperty(RENDERING, indent);
            }
        }
    }

    /** The last {@code ?format=}, as DRF reads a query parameter; {@code null} when it is empty (DRF ignores it). */
    private static String format(ContainerRequestContext request) {
        List<String> formats = request.getUriInfo().getQueryParameters().get("format");
        String last = formats == null ? null : formats.get(formats.size() - 1);
        return last == null || last.isEmpty() ? null : last;
    }

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        Object rendering = request.getProperty(RENDERING);
        if (rendering == null) {
            return;
        }
        if (rendering instanceof Integer indent) {
            indent(response, indent);
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        String html = Templates.page(page(request, response.getStatus(), uri, response.getEntity())).render();
        response.setEntity(html, null, MediaType.valueOf("text/html;charset=UTF-8"));
        if (response.getStatus() == Response.Status.NO_CONTENT.getStatusCode()) {
            // A 204 carries no body, and the page is the body: the page says 204, the browser gets it with a 200.
            response.setStatus(Response.Status.OK.getStatusCode());
        }
        response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private BrowsablePage page(ContainerRequestContext request, int status, URI uri, Object entity) {
        // A page's links are in the envelope, a JSON object already: the results are not turned into a tree.
        JsonNode answer = entity instanceof JsonNode node ? node : null;
        Optional<EndpointPolicy> policy = guard.appliedPolicy();
        Optional<Caller> caller = guard.decidedCaller().filter(Caller::authenticated);
        Optional<String> by = guard.authenticatedBy();
        boolean sessionUser = caller.isPresent() && by.filter("SessionAuthentication"::equals).isPresent();
        Cookie csrf = request.getCookies().get("csrftoken");
        Optional<PolicyRegistry.Route> route = registry.route(uri.getRawPath());
        Optional<Denial> denial = guard.denial();
        View view = route.map(registry::viewOf).orElse(null);
        String shown = pretty(entity);
        List<String> unsafe = sessionUser ? route.map(r -> UNSAFE_METHODS.stream().filter(r.httpMethods()::contains)
                .toList()).orElse(List.of()) : List.of();
        return new BrowsablePage(request.getMethod(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                status, Optional.ofNullable(Response.Status.fromStatusCode(status)).map(Response.Status::getReasonPhrase).orElse(""),
                route.map(PolicyRegistry.Route::allow).orElse(null), shown,
                policy.map(EndpointPolicy::resource).orElse(null),
                route.map(r -> Metadata.nameOf(r, view)).orElse(null), Metadata.descriptionOf(view),
                policy.map(EndpointPolicy::action).orElse(null),
                policy.map(EndpointPolicy::authenticatorNames).orElse(List.of()),
                policy.map(EndpointPolicy::permissionNames).orElse(List.of()),
                caller.map(Caller::username).orElse(null), by.orElse(null),
                sessionUser && csrf != null ? csrf.getValue() : null,
                unsafe, unsafe.isEmpty() ? null : rawContent(route.get(), status, entity == null ? null : shown),
                link(answer, "next"), link(answer, "previous"),
                denial.map(Denial::detail).orElse(null), denial.map(Denial::deniedBy).orElse(null),
                denial.map(Denial::explanation).orElse(null),
                uri.getRawPath().equals(ENDPOINT_MAP) && status == 200 ? rows(json.valueToTree(entity)) : null);
    }

    /**
     * {@code Accept: application/json; indent=4}: the answer indented as DRF's renderer indents it, error or not — a
     * client's choice, so the whole answer is written at once here rather than streamed.
     */
    private void indent(ContainerResponseContext response, int indent) {
        // Under /api/ every answer is JSON; one whose type Quarkus REST has not chosen yet (a list's) will be JSON.
        MediaType type = response.getMediaType();
        if (!response.hasEntity() || type != null && !type.getSubtype().endsWith("json")) {
            return;
        }
        try {
            byte[] indented = json.writer(PythonIndent.printer(indent)).writeValueAsBytes(response.getEntity());
            response.setEntity(indented, null, type != null ? type : MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the form to send a body starts with, as DRF's raw data form: on an object's path, the object as answered (to
     * change it with PUT or PATCH); on a path that creates, the fields a new object takes with their initial values.
     *
     * @param answer the answer as the page shows it, or {@code null} for none
     */
    private String rawContent(PolicyRegistry.Route route, int status, String answer) {
        boolean changes = route.httpMethods().contains("PUT") || route.httpMethods().contains("PATCH");
        if (changes && status == Response.Status.OK.getStatusCode() && answer != null) {
            return answer;
        }
        Object resource = registry.resourceOf(route);
        Map<String, Object> initial = resource instanceof SerializerInfo serializer
                ? serializer.initialData(route.template()) : null;
        return initial != null ? pretty(initial) : "{}";
    }

    /** The answer as indented JSON, as DRF's page shows it, up to {@value #SHOWN_CHARACTERS} characters. */
    private String pretty(Object entity) {
        if (entity == null || entity instanceof JsonNode node && node.isNull()) {
            return "";
        }
        BoundedText text = new BoundedText(SHOWN_CHARACTERS);
        try {
            json.writer(PythonIndent.printer()).writeValue(text, entity);
        } catch (IOException e) {
            if (!text.isFull()) {
                throw new UncheckedIOException(e);
            }
        }
        return text.isFull() ? text + "\n\u2026 (the page shows the first " + SHOWN_CHARACTERS
                + " characters of the answer: ask with ?format=json for all of it)" : text.toString();
    }

    /** A list's link to another page, when it is one (an absolute http(s) address the service made). */
    private static String link(JsonNode answer, String name) {
        JsonNode link = answer == null ? null : answer.get(name);
        return link != null && link.isTextual() && link.asText().matches("https?://.*") ? link.asText() : null;
    }

    private static List<BrowsablePage.PolicyRow> rows(JsonNode policies) {
        return java.util.stream.StreamSupport.stream(policies.spliterator(), false).map(row -> new BrowsablePage.PolicyRow(
                text(row, "endpoint"), text(row, "view"), text(row, "authentication"), text(row, "permissions"),
                text(row, "anonymous"), text(row, "object_checks"), text(row, "queryset"), text(row, "csrf"),
                text(row, "throttles"))).toList();
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null ? "" : value.asText();
    }
}
