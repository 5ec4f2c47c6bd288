package dev.portcullis.accounts.external;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** RFC 7662 token introspection: the provider says whether an opaque token is active, and whose it is. */
final class Introspection {

    /** The provider's answer about an active token. */
    record Active(Map<String, Object> claims, Instant expiresAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String authorization;
    private final ProviderHttp http;
    private final Optional<String> issuer;

    Introspection(ProviderSettings settings, ProviderHttp http) {
        this.endpoint = settings.introspectionEndpoint.orElseThrow();
        this.authorization = settings.clientId.map(id -> "Basic " + Base64.getEncoder().encodeToString(
                (form(id) + ":" + form(settings.clientSecret.orElse(""))).getBytes(StandardCharsets.UTF_8))).orElse(null);
        this.http = http;
        this.issuer = settings.issuer;
    }

    /**
     * The active token's claims, or empty for one the provider says is not active (expired, revoked, never issued).
     *
     * @throws dev.portcullis.security.core.ApiException 503 when the endpoint does not answer as RFC 7662 says
     */
    Optional<Active> introspect(String token) {
        JsonNode answer;
        try {
            answer = http.postForm(endpoint, "token=" + form(token) + "&token_type_hint=access_token", authorization);
        } catch (IOException e) {
            throw ProviderUnavailable.because("introspection at " + endpoint, e);
        }
        if (!answer.path("active").asBoolean(false)) {
            return Optional.empty();
        }
        Map<String, Object> claims = JSON.convertValue(answer, new TypeReference<Map<String, Object>>() { });
        Object exp = claims.get("exp");
        Instant expiresAt = exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(new Active(claims, expiresAt));
    }

    /** Whether an active token's issuer, when the answer names one, is the configured provider. */
    boolean fromTheProvider(Active active) {
        Object named = active.claims().get("iss");
        return named == null || issuer.isEmpty() || issuer.get().equals(named);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
