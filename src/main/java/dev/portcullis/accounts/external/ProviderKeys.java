package dev.portcullis.accounts.external;

import com.fasterxml.jackson.databind.JsonNode;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The provider's signing keys: its JWKS, found through its discovery document unless named, fetched when first
 * needed and kept. A key id the kept set does not list makes it fetch again — at most once per
 * {@code min-refetch-interval}, so that tokens with made-up key ids cannot make it hammer the provider — and so does a
 * set older than {@code keys-max-age}. A fetch that fails keeps the kept keys: a provider that is down does not stop
 * tokens signed with keys it published before.
 */
final class ProviderKeys {

    /** What a key id resolves to. */
    sealed interface Lookup permits Found, Unknown {
    }

    record Found(JsonWebKey key) implements Lookup {
    }

    /** No such key in the provider's current set (fetched now, or lately). */
    record Unknown(String kid, List<String> known) implements Lookup {
    }

    private final String issuer;
    private final Optional<URI> jwksUri;
    private final ProviderHttp http;
    private final long minRefetchNanos;
    private final long maxAgeNanos;

    private JsonWebKeySet keys;
    private long fetchedAt;
    private long attemptedAt;
    private boolean attempted;

    ProviderKeys(String issuer, Optional<URI> jwksUri, ProviderHttp http, Duration minRefetchInterval, Duration maxAge) {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.http = http;
        this.minRefetchNanos = minRefetchInterval.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * The key of this id (or, for a token that names none, the one key of the set that fits the algorithm).
     *
     * @throws dev.portcullis.security.core.ApiException 503 when no keys were ever fetched, or the id is unknown and
     *                                                   the provider cannot be asked
     */
    synchronized Lookup key(String kid, String algorithm) {
        long now = System.nanoTime();
        boolean stale = keys == null || now - fetchedAt > maxAgeNanos;
        Optional<JsonWebKey> kept = keys == null ? Optional.empty() : find(kid, algorithm);
        if (kept.isPresent() && !stale) {
            return new Found(kept.get());
        }
        if (!attempted || now - attemptedAt >= minRefetchNanos) {
            attempted = true;
            attemptedAt = now;
            try {
                keys = fetch();
                fetchedAt = now;
            } catch (IOException | JoseException | IllegalArgumentException e) {
                if (kept.isPresent()) {
                    return new Found(kept.get());
                }
                throw ProviderUnavailable.because("keys of " + issuer, e);
            }
        } else if (keys == null) {
            throw ProviderUnavailable.because("keys of " + issuer + ", asked again later", null);
        }
        return find(kid, algorithm).<Lookup>map(Found::new).orElseGet(() -> new Unknown(kid,
                keys.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList()));
    }

    private Optional<JsonWebKey> find(String kid, String algorithm) {
        List<JsonWebKey> all = keys.getJsonWebKeys();
        if (kid != null) {
            return all.stream().filter(key -> kid.equals(key.getKeyId())).findFirst();
        }
        List<JsonWebKey> fitting = all.stream().filter(key -> key.getAlgorithm() == null
                || key.getAlgorithm().equals(algorithm)).toList();
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    private JsonWebKeySet fetch() throws IOException, JoseException {
        URI uri = jwksUri.isPresent() ? jwksUri.get() : jwksUriFromDiscovery();
        return new JsonWebKeySet(http.get(uri).toString());
    }

    private URI jwksUriFromDiscovery() throws IOException {
        JsonNode discovery = http.get(ProviderSettings.discoveryUri(issuer));
        String published = discovery.path("issuer").asText("");
        if (!published.equals(issuer)) {
            throw new IOException("the discovery document names the issuer '" + published + "', not '" + issuer + "'");
        }
        String jwks = discovery.path("jwks_uri").asText("");
        if (jwks.isEmpty()) {
            throw new IOException("the discovery document has no jwks_uri");
        }
        return URI.create(jwks);
    }
}
