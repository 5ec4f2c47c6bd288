package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** DRF's {@code BasicAuthentication}: {@code Authorization: Basic base64(user:password)}, with DRF's messages. */
@Singleton
public class BasicAuthentication implements Authenticator {

    /** The attribute of the request that holds the client's address, for the login rate. */
    public static final String CLIENT_ADDRESS = "portcullis.client-address";

    private static final String NOT_BASE64 = "Invalid basic header. Credentials not correctly base64 encoded.";

    @Override
    public String name() {
        return "BasicAuthentication";
    }

    @Override
    public Optional<AuthenticationRequest> parse(Credentials credentials) {
        Optional<List<byte[]>> header = AuthorizationHeader.withKeyword(credentials, "basic", true);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> parts = header.get();
        if (parts.size() == 1) {
            throw new AuthenticationFailure("Invalid basic header. No credentials provided.");
        }
        if (parts.size() > 2) {
            throw new AuthenticationFailure("Invalid basic header. Credentials string should not contain spaces.");
        }
        byte[] decoded = decodeBase64(parts.get(1));
        String text = AuthorizationHeader.decodeUtf8(decoded).orElseGet(() -> new String(decoded, StandardCharsets.ISO_8859_1));
        int colon = text.indexOf(':');
        String username = colon < 0 ? text : text.substring(0, colon);
        String password = colon < 0 ? "" : text.substring(colon + 1);
        AuthenticationRequest request = new UsernamePasswordAuthenticationRequest(username,
                new PasswordCredential(password.toCharArray()));
        // Every password guess counts against the login rate, whichever endpoint it is sent to.
        request.setAttribute(CLIENT_ADDRESS, credentials.clientAddress());
        return Optional.of(request);
    }

    /** Python's lenient {@code base64.b64decode}: characters outside the alphabet are dropped, padding is required. */
    private static byte[] decodeBase64(byte[] encoded) {
        StringBuilder kept = new StringBuilder(encoded.length);
        for (byte b : encoded) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=') {
                kept.append(c);
            }
        }
        if (kept.length() % 4 != 0) {
            throw new AuthenticationFailure(NOT_BASE64);
        }
        try {
            return Base64.getDecoder().decode(kept.toString());
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailure(NOT_BASE64);
        }
    }

    @Override
    public String wwwAuthenticate() {
        return "Basic realm=\"api\"";
    }

    @Override
    public String usage() {
        return "Authorization: Basic <base64 of username:password>";
    }

    @Override
    public java.util.Optional<String> keyword() {
        return java.util.Optional.of("Basic");
    }
}
