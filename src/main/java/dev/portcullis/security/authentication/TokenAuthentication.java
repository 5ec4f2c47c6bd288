package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * DRF's {@code TokenAuthentication}: {@code Authorization: Token <key>}, keyword matched without regard
 * to case, with DRF's exact messages for a malformed header.
 */
@Singleton
public class TokenAuthentication implements Authenticator {

    private static final java.util.regex.Pattern KEY_SHAPE = java.util.regex.Pattern.compile("[0-9a-fA-F]{40}");

    private final String keyword;

    public TokenAuthentication(@ConfigProperty(name = "portcullis.token.keyword", defaultValue = "Token") String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String name() {
        return "TokenAuthentication";
    }

    @Override
    public Optional<AuthenticationRequest> parse(Credentials credentials) {
        Optional<String> plain = AuthorizationHeader.plainCredential(credentials, keyword, true);
        if (plain.isPresent()) {
            return Optional.of(new OpaqueTokenRequest(plain.get()));
        }
        Optional<List<byte[]>> header = AuthorizationHeader.withKeyword(credentials, keyword, true);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> parts = header.get();
        if (parts.size() == 1) {
            throw new AuthenticationFailure("Invalid token header. No credentials provided.")
                    .withHint("The header has the keyword '" + keyword + "' but no key: send '" + usage() + "'.");
        }
        if (parts.size() > 2) {
            throw new AuthenticationFailure("Invalid token header. Token string should not contain spaces.")
                    .withHint("Only one key may follow the keyword: send '" + usage() + "'.");
        }
        String key = AuthorizationHeader.decodeUtf8(parts.get(1)).orElseThrow(() -> new AuthenticationFailure(
                "Invalid token header. Token string should not contain invalid characters.")
                .withHint("The key holds bytes that are not UTF-8; a key is 40 hexadecimal characters."));
        return Optional.of(new OpaqueTokenRequest(key));
    }

    @Override
    public String wwwAuthenticate() {
        return keyword;
    }

    @Override
    public Optional<String> keyword() {
        return Optional.of(keyword);
    }

    @Override
    public String credentialName() {
        return "an opaque token key (40 hexadecimal characters)";
    }

    @Override
    public boolean recognizes(String value) {
        return KEY_SHAPE.matcher(value).matches();
    }

    @Override
    public String usage() {
        return "Authorization: " + keyword + " <key>";
    }
}
