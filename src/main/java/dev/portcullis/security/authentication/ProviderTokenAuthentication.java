package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.request.AuthenticationRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * An external identity provider's access token in {@code Authorization: Bearer <token>} (RFC 6750), with DRF's
 * {@code TokenAuthentication} messages for a malformed header. Each subclass takes the tokens of its shape and
 * leaves the others to the next class, so that a provider's JWTs, its opaque tokens and the service's own JWTs can
 * share the keyword.
 */
abstract class ProviderTokenAuthentication implements Authenticator {

    static final String KEYWORD = "Bearer";

    private final Optional<String> configured;
    private final String setting;

    /**
     * @param configured the setting that switches the class on, when set
     * @param setting    its name, for the start-up error of a declaration that names the class without it
     */
    ProviderTokenAuthentication(Optional<String> configured, String setting) {
        this.configured = configured;
        this.setting = setting;
    }

    /** Whether a token of this shape is this class's to verify. */
    abstract boolean takes(String token);

    abstract AuthenticationRequest request(String token);

    @Override
    public Optional<AuthenticationRequest> parse(Credentials credentials) {
        Optional<String> plain = AuthorizationHeader.plainCredential(credentials, KEYWORD, false);
        if (plain.isPresent()) {
            return takes(plain.get()) ? Optional.of(request(plain.get())) : Optional.empty();
        }
        Optional<List<byte[]>> header = AuthorizationHeader.withKeyword(credentials, KEYWORD, false);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> parts = header.get();
        if (parts.size() == 1) {
            throw new AuthenticationFailure("Invalid token header. No credentials provided.")
                    .withHint("The header has the keyword 'Bearer' but no token: send '" + usage() + "'.");
        }
        if (parts.size() > 2) {
            throw new AuthenticationFailure("Invalid token header. Token string should not contain spaces.")
                    .withHint("Only one token may follow the keyword: send '" + usage() + "'.");
        }
        String token = new String(parts.get(1), StandardCharsets.ISO_8859_1);
        return takes(token) ? Optional.of(request(token)) : Optional.empty();
    }

    @Override
    public Optional<String> unconfigured() {
        return configured.isPresent() ? Optional.empty() : Optional.of(setting + " is not set");
    }

    @Override
    public String wwwAuthenticate() {
        return KEYWORD + " realm=\"api\"";
    }

    @Override
    public Optional<String> keyword() {
        return Optional.of(KEYWORD);
    }

    static boolean jwtShaped(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
