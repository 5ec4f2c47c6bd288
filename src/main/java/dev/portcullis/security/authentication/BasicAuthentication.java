package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** DRF's {@code BasicAuthentication}: {@code Authorization: Basic base64(user:password)}, with DRF's messages. */
@Singleton
public class BasicAuthentication implements Authenticator {

    /** The attribute of the request that holds the client's address, for the login rate. */
    public static final String CLIENT_ADDRESS = "portcullis.client-address";

    private static final String NOT_BASE64 = "Invalid basic header. Credentials not correctly base64 encoded.";
    private static final String BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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

    /**
     * Python's lenient {@code base64.b64decode} (its non-strict {@code binascii.a2b_base64}), which DRF uses:
     * bytes outside the alphabet are skipped, a padding sign counts only after two characters of a quad, the
     * padding that completes a quad ends the input (whatever follows is ignored), and a quad left unfinished
     * without it is an error.
     */
    private static byte[] decodeBase64(byte[] encoded) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(encoded.length * 3 / 4);
        int quadPosition = 0;
        int pads = 0;
        int left = 0;
        for (byte b : encoded) {
            if (b == '=') {
                if (quadPosition >= 2 && quadPosition + ++pads >= 4) {
                    return decoded.toByteArray();
                }
                continue;
            }
            int value = BASE64_ALPHABET.indexOf(b);
            if (value < 0) {
                continue;
            }
            pads = 0;
            switch (quadPosition) {
                case 0 -> left = value;
                case 1 -> {
                    decoded.write((left << 2) | (value >> 4));
                    left = value & 0x0f;
                }
                case 2 -> {
                    decoded.write((left << 4) | (value >> 2));
                    left = value & 0x03;
                }
                default -> decoded.write((left << 6) | value);
            }
            quadPosition = (quadPosition + 1) % 4;
        }
        if (quadPosition != 0) {
            throw new AuthenticationFailure(NOT_BASE64);
        }
        return decoded.toByteArray();
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
