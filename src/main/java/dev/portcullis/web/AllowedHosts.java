package dev.portcullis.web;

import dev.portcullis.security.core.MetricRoutes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django's {@code ALLOWED_HOSTS} on the API port ({@code portcullis.allowed-hosts}): a request whose {@code Host}
 * (or, where Quarkus is told to believe it, the forwarded host) is not listed is answered
 * {@code 400 {"detail": "Invalid HTTP_HOST header: '<host>'."}} before anything else runs, so that no link,
 * redirect or origin check is ever built from a host an attacker chose (cache poisoning, DNS rebinding). An entry
 * {@code .example.com} allows the domain and its subdomains, {@code *} any well-formed host. Health and metrics on
 * the management port are not checked: the kubelet addresses them by the pod's IP.
 */
@Singleton
public class AllowedHosts {

    private static final Logger LOG = Logger.getLogger(AllowedHosts.class);
    /** What the HTTP server metrics count a refused request under: its path is any a client chose. */
    static final String METRICS_NAME = "/invalid-host";

    /** Django's {@code host_validation_re}: a name or a bracketed IPv6 literal, and an optional port. */
    private static final Pattern WELL_FORMED = Pattern.compile("([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(:[0-9]+)?");

    private final List<String> patterns;
    /** The host last found allowed: nearly every request names the same one, and is let through without a parse. */
    private volatile String lastAllowed;

    public AllowedHosts(@ConfigProperty(name = "portcullis.allowed-hosts") Optional<List<String>> hosts) {
        this.patterns = hosts.orElse(List.of()).stream().map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (patterns.isEmpty()) {
            LOG.warn("portcullis.allowed-hosts is empty: every request to the API port is answered 400 (Invalid "
                    + "HTTP_HOST header); name the service's hosts, e.g. PORTCULLIS_ALLOWED_HOSTS=api.example.com");
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check).failureHandler(this::unreadableHost);
    }

    private void check(RoutingContext context) {
        String host = context.request().host();
        if (host != null && host.equals(lastAllowed)) {
            context.next();
        } else if (host != null && allows(host)) {
            lastAllowed = host;
            context.next();
        } else {
            refuse(context);
        }
    }

    /**
     * A {@code Host} the HTTP server cannot even parse ({@code localhost:80x}) fails the request before any route
     * runs: the same refusal, rather than the server's own error with its stack trace.
     */
    private void unreadableHost(RoutingContext context) {
        if (context.statusCode() == 400 && context.request().host() == null) {
            RequestIds.identify(context);
            refuse(context);
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context) {
        HttpServerRequest request = context.request();
        String host = request.host() != null ? request.host() : request.getHeader(HttpHeaders.HOST);
        String shown = host == null ? "" : host;
        LOG.warnf("refused host=%s method=%s path=%s: not in portcullis.allowed-hosts", PythonRepr.of(shown),
                request.method(), request.path());
        MetricRoutes.name(request, METRICS_NAME);
        context.response().setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(new JsonObject().put("detail", "Invalid HTTP_HOST header: " + PythonRepr.of(shown) + ".").encode());
    }

    /** Django's {@code split_domain_port} and {@code validate_host}: the domain, without its port, is listed. */
    boolean allows(String host) {
        Matcher wellFormed = WELL_FORMED.matcher(host.toLowerCase(Locale.ROOT));
        if (!wellFormed.matches()) {
            return false;
        }
        String domain = wellFormed.group(1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty()) {
            return false;
        }
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(domain)
                    || pattern.startsWith(".") && (domain.endsWith(pattern) || domain.equals(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
