package dev.portcullis.security.authentication;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        // One pass over the characters: ASCII white space is the same characters in the header and in its bytes
        // (UTF-8 never encodes another character with an ASCII byte), so each part is encoded on its own.
        List<String> words = new ArrayList<>();
        boolean beyondLatin1 = false;
        int start = -1;
        for (int i = 0; i <= headerValue.length(); i++) {
            char c = i == headerValue.length() ? ' ' : headerValue.charAt(i);
            beyondLatin1 |= c > 0xFF;
            boolean space = isAsciiWhitespace(c);
            if (space && start >= 0) {
                words.add(headerValue.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        Charset charset = beyondLatin1 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        for (String word : words) {
            parts.add(word.getBytes(charset));
        }
        return parts;
    }

    /**
     * The parts of the request's {@code Authorization} header when the first is the keyword; empty when the
     * header is absent or starts with another keyword (the authenticator does not apply).
     */
    public static Optional<List<byte[]>> withKeyword(Credentials credentials, String keyword, boolean ignoreCase) {
        String header = credentials.header("Authorization");
        return header == null || !startsWithKeyword(header, keyword, ignoreCase) ? Optional.empty()
                : Optional.of(split(header));
    }

    /**
     * The credential after the keyword, read in place, when the header is just the two: the keyword, one space and a
     * credential of printable ASCII, as clients send it. Splitting such a header gives the same two parts, and the
     * credential's bytes the same characters in every charset the authenticators decode with; any other header is
     * left to {@link #withKeyword} (empty here).
     */
    public static Optional<String> plainCredential(Credentials credentials, String keyword, boolean ignoreCase) {
        String header = credentials.header("Authorization");
        int start = keyword.length() + 1;
        if (header == null || header.length() <= start || isAsciiWhitespace(header.charAt(0))
                || header.charAt(keyword.length()) != ' ' || !startsWithKeyword(header, keyword, ignoreCase)) {
            return Optional.empty();
        }
        // Read as bytes: a JWT is several hundred characters, and under C1 a loop over charAt costs twice as much.
        // A character beyond Latin-1 becomes '?', so a '?' (in no key or JWT) is left to the whole reading.
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b <= ' ' || b > '~' || b == '?') {  // bytes are signed: everything from 0x80 is below zero
                return Optional.empty();
            }
        }
        return Optional.of(header.substring(start));
    }

    /**
     * Whether the header's first part is the keyword (ASCII letters folded, as Python's {@code bytes.lower()}),
     * read in place: each authentication class asks in turn, and only the one whose keyword it is copies the
     * credential out. The same answer as splitting first, as ASCII white space and letters are the same
     * characters in the header and in its bytes.
     */
    private static boolean startsWithKeyword(String header, String keyword, boolean ignoreCase) {
        int start = 0;
        while (start < header.length() && isAsciiWhitespace(header.charAt(start))) {
            start++;
        }
        if (header.length() - start < keyword.length()) {
            return false;
        }
        int end = start + keyword.length();
        if (end < header.length() && !isAsciiWhitespace(header.charAt(end))) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            char a = header.charAt(start + i);
            char b = keyword.charAt(i);
            if (ignoreCase ? asciiLower(a) != asciiLower(b) : a != b) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code part.decode()}: strict UTF-8, empty when the bytes are not valid UTF-8. */
    public static Optional<String> decodeUtf8(byte[] part) {
        if (isAscii(part)) {  // every key and JWT: no decoder to make
            return Optional.of(new String(part, StandardCharsets.US_ASCII));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(part)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
