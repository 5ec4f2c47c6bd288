package dev.portcullis.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A body's bytes as the text DRF parses: decoded by the charset its content type names when Python knows that
 * codec (Django's {@code request.encoding}), else as UTF-8. DRF reads a body through Python's
 * {@code codecs.getreader}, so a character cut off at the very end is dropped, and bytes that are not of the
 * charset stop the request with Python's words: {@code 'utf-8' codec can't decode byte 0xff in position 0:
 * invalid start byte}.
 */
final class BodyText {

    /** Python's names for the codecs a body is most often sent in, after its normalisation of a codec's name. */
    private static final Map<String, Charset> PYTHON_NAMES = Map.ofEntries(
            Map.entry("utf_8", StandardCharsets.UTF_8), Map.entry("utf8", StandardCharsets.UTF_8),
            Map.entry("u8", StandardCharsets.UTF_8), Map.entry("utf", StandardCharsets.UTF_8),
            Map.entry("latin_1", StandardCharsets.ISO_8859_1), Map.entry("latin1", StandardCharsets.ISO_8859_1),
            Map.entry("latin", StandardCharsets.ISO_8859_1), Map.entry("l1", StandardCharsets.ISO_8859_1),
            Map.entry("iso8859_1", StandardCharsets.ISO_8859_1), Map.entry("iso_8859_1", StandardCharsets.ISO_8859_1),
            Map.entry("8859", StandardCharsets.ISO_8859_1), Map.entry("cp819", StandardCharsets.ISO_8859_1),
            Map.entry("ascii", StandardCharsets.US_ASCII), Map.entry("us_ascii", StandardCharsets.US_ASCII),
            Map.entry("646", StandardCharsets.US_ASCII));

    private BodyText() {
    }

    /** Bytes that are not text in the body's charset: Python's {@code UnicodeDecodeError}, as DRF quotes it. */
    static final class Undecodable extends Exception {
        Undecodable(String message) {
            super(message, null, false, false);
        }
    }

    /** The charset a content type names, as Django takes it: only when Python knows it, else UTF-8. */
    static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = parameter.substring(equals + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return known(name);
        }
        return StandardCharsets.UTF_8;
    }

    private static Charset known(String name) {
        Charset python = PYTHON_NAMES.get(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "_"));
        if (python != null) {
            return python;
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
        } catch (IllegalCharsetNameException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String decode(byte[] body, Charset charset) throws Undecodable {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8(body, false);
        }
        if (charset.equals(StandardCharsets.US_ASCII)) {
            for (int i = 0; i < body.length; i++) {
                if (body[i] < 0) {
                    throw undecodable("ascii", body, i, i + 1, "ordinal not in range(128)");
                }
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Undecodable("'" + charset.name().toLowerCase(Locale.ROOT) + "' codec can't decode the body");
        }
    }

    /**
     * Python's {@code bytes.decode(charset, errors='replace')}, as Django decodes a form's values: in UTF-8, each
     * invalid sequence (as much of it as was valid) is one U+FFFD.
     */
    static String decodeReplacing(byte[] bytes, Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, charset);
        }
        try {
            return utf8(bytes, true);
        } catch (Undecodable e) {
            throw new IllegalStateException("a replacing decoder refused " + e.getMessage(), e);
        }
    }

    /**
     * Python's UTF-8 decoder. Not replacing, it is a {@code StreamReader}'s, not final: an incomplete sequence at the
     * end is left out, and the first invalid one is named with the bytes of it that were valid. Replacing, it is
     * final: each invalid or incomplete sequence is one U+FFFD.
     */
    private static String utf8(byte[] body, boolean replace) throws Undecodable {
        StringBuilder text = new StringBuilder(body.length);
        int i = 0;
        while (i < body.length) {
            int lead = body[i] & 0xff;
            if (lead < 0x80) {
                text.append((char) lead);
                i++;
                continue;
            }
            int length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
                    : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
            int valid = length == 0 ? 0 : 1;
            int codePoint = lead & (0x7f >> length);
            while (valid > 0 && valid < length && i + valid < body.length
                    && continues(lead, valid, body[i + valid] & 0xff)) {
                codePoint = codePoint << 6 | body[i + valid] & 0x3f;
                valid++;
            }
            if (length > 0 && valid == length) {
                text.appendCodePoint(codePoint);
            } else if (replace) {
                text.append('\uFFFD');
            } else if (length == 0) {
                throw undecodable("utf-8", body, i, i + 1, "invalid start byte");
            } else if (i + valid == body.length) {
                return text.toString();  // cut off at the end: left for a read that never comes
            } else {
                throw undecodable("utf-8", body, i, i + valid, "invalid continuation byte");
            }
            i += Math.max(valid, 1);
        }
        return text.toString();
    }

    /** Whether {@code next} may be the {@code k}th byte of a sequence led by {@code lead} (no overlong, no surrogate). */
    private static boolean continues(int lead, int k, int next) {
        if (k == 1) {
            int low = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
            int high = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
            return next >= low && next <= high;
        }
        return next >= 0x80 && next <= 0xbf;
    }

    private static Undecodable undecodable(String codec, byte[] body, int start, int end, String reason) {
        String where = end - start == 1
                ? String.format("byte 0x%02x in position %d", body[start] & 0xff, start)
                : "bytes in position " + start + "-" + (end - 1);
        return new Undecodable("'" + codec + "' codec can't decode " + where + ": " + reason);
    }
}
