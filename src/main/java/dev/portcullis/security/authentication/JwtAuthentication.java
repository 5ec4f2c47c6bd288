package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SimpleJWT's {@code JWTAuthentication}: {@code Authorization: Bearer <jwt>}, the keyword matched exactly
 * (so {@code bearer} does not apply), and exactly two space-delimited values.
 */
@Singleton
public class JwtAuthentication implements Authenticator {

    public static final String KEYWORD = "Bearer";
    /** A JWS in compact form: its header, a JSON object, always starts {@code eyJ} in base64url. */
    private static final java.util.regex.Pattern JWT_SHAPE =
            java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @Override
    public String name() {
        return "JWTAuthentication";
    }

    @Override
    public Optional<AuthenticationRequest> parse(Credentials credentials) {
        Optional<String> plain = AuthorizationHeader.plainCredential(credentials, KEYWORD, false);
        if (plain.isPresent()) {
            return Optional.of(new JwtRequest(plain.get()));
        }
        Optional<List<byte[]>> header = AuthorizationHeader.withKeyword(credentials, KEYWORD, false);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> parts = header.get();
        if (parts.size() != 2) {
            throw new AuthenticationFailure("Authorization header must contain two space-delimited values",
                    "bad_authorization_header", Map.of("code", "bad_authorization_header"))
                    .withHint("Send exactly one token after the keyword: '" + usage() + "'.");
        }
        return Optional.of(new JwtRequest(new String(parts.get(1), StandardCharsets.ISO_8859_1)));
    }

    @Override
    public String wwwAuthenticate() {
        return KEYWORD + " realm=\"api\"";
    }

    @Override
    public String usage() {
        return "Authorization: Bearer <access token>";
    }

    @Override
    public Optional<String> keyword() {
        return Optional.of(KEYWORD);
    }

    @Override
    public String credentialName() {
        return "a JWT (three dot-separated base64url parts)";
    }

    @Override
    public boolean recognizes(String value) {
        return JWT_SHAPE.matcher(value).matches();
    }
}
