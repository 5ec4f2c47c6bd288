package dev.portcullis.security.authentication;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * DRF's {@code get_authorization_header(request).split()}: the header as bytes (HTTP headers are
 * ISO-8859-1 on the wire), split on ASCII white space as Python's {@code bytes.split()} does.
 */
public final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    public static List<byte[]> split(String headerValue) {
        List<byte[]> parts = new ArrayList<>();
        if (headerValue == null) {
            return parts;
        }
        byte[] bytes = toBytes(headerValue);
        int start = -1;
        for (int i = 0; i <= bytes.length; i++) {
            boolean space = i == bytes.length || isAsciiWhitespace(bytes[i]);
            if (space && start >= 0) {
                parts.add(Arrays.copyOfRange(bytes, start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return parts;
    }

    /**
     * The parts of the request's {@code Authorization} header when the first is the keyword; empty when the
     * header is absent or starts with another keyword (the authenticator does not apply).
     */
    public static Optional<List<byte[]>> withKeyword(Credentials credentials, String keyword, boolean ignoreCase) {
        List<byte[]> parts = split(credentials.header("Authorization"));
        return parts.isEmpty() || !keywordMatches(parts.get(0), keyword, ignoreCase) ? Optional.empty() : Optional.of(parts);
    }

    /** Python's {@code part.lower() == keyword.lower().encode()}: ASCII case folding only. */
    public static boolean keywordMatches(byte[] part, String keyword, boolean ignoreCase) {
        byte[] expected = keyword.getBytes(StandardCharsets.ISO_8859_1);
        if (part.length != expected.length) {
            return false;
        }
        for (int i = 0; i < part.length; i++) {
            byte a = part[i];
            byte b = expected[i];
            if (ignoreCase) {
                a = asciiLower(a);
                b = asciiLower(b);
            }
            if (a != b) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code part.decode()}: strict UTF-8, empty when the bytes are not valid UTF-8. */
    public static Optional<String> decodeUtf8(byte[] part) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(part)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A plain loop: this runs on every request, over JWTs of several hundred characters. */
    private static byte[] toBytes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return value.getBytes(StandardCharsets.UTF_8);
            }
        }
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    private static byte asciiLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
