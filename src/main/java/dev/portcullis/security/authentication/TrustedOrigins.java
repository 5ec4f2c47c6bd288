package dev.portcullis.security.authentication;

import dev.portcullis.security.core.RequestRefused;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Django's CSRF origin check: an unsafe request that carries an {@code Origin} header must come from the
 * service's own origin (the scheme and host it was sent to) or from one of {@code portcullis.csrf.trusted-origins}
 * (Django's {@code CSRF_TRUSTED_ORIGINS}: {@code https://app.example.com}, or {@code https://*.example.com} for
 * every subdomain). Requests without {@code Origin} — non-browser clients — are not concerned.
 */
@Singleton
public class TrustedOrigins {

    private final List<String> exact;
    private final List<String> wildcards;

    public TrustedOrigins(@ConfigProperty(name = "portcullis.csrf.trusted-origins") Optional<List<String>> trusted) {
        List<String> origins = trusted.orElse(List.of()).stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.matches("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+")) {
                throw new IllegalStateException("portcullis.csrf.trusted-origins: '" + origin
                        + "' must start with a scheme, e.g. https://app.example.com");
            }
        }
        this.exact = origins.stream().filter(o -> !o.contains("*")).toList();
        this.wildcards = origins.stream().filter(o -> o.contains("*")).toList();
    }

    /** @throws RequestRefused when the request has an {@code Origin} that is neither its own nor trusted */
    public void check(Credentials credentials) {
        String origin = credentials.header("Origin");
        if (origin == null || origin.equals(credentials.requestOrigin()) || exact.contains(origin)
                || wildcards.stream().anyMatch(pattern -> matchesWildcard(origin, pattern))) {
            return;
        }
        throw new RequestRefused("CSRF Failed: Origin checking failed - " + origin
                + " does not match any trusted origins.", "The request comes from a page at " + origin
                + ", which is neither this service's own origin (" + credentials.requestOrigin() + ") nor listed in "
                + "portcullis.csrf.trusted-origins: a page of another site may not send it with the browser's cookies.");
    }

    /** Django's {@code is_same_domain} on {@code scheme://*.domain}: the domain itself or any subdomain of it. */
    private static boolean matchesWildcard(String origin, String pattern) {
        int star = pattern.indexOf("://*");
        if (star < 0) {
            return false;
        }
        String scheme = pattern.substring(0, star);
        String domain = pattern.substring(star + 4).toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getRawAuthority();
        if (!scheme.equalsIgnoreCase(uri.getScheme()) || host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(domain) || host.equals(domain.substring(1));
    }
}
