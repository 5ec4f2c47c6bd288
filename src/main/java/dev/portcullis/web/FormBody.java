package dev.portcullis.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A form body ({@code application/x-www-form-urlencoded}) read as Django's {@code QueryDict} reads it, which is
 * lenient where a strict decoder refuses: fields are split on {@code &} only, a field without {@code =} has an
 * empty value, {@code +} is a space, a {@code %} not followed by two hex digits is kept as it is, escaped bytes
 * that are not of the request's charset (UTF-8 unless the content type names another) become U+FFFD, and a body
 * that is not of it is read as Latin-1. A repeated name keeps every value ({@link FormFields}).
 */
final class FormBody {

    private FormBody() {
    }

    static FormFields parse(byte[] body, Charset charset) {
        FormFields fields = new FormFields();
        for (String pair : text(body, charset).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.add(unquote(name, charset), unquote(value, charset));
        }
        return fields;
    }

    /** The body as text: in its charset, or Latin-1 when it is not (as Django decodes a query string). */
    private static String text(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** Python's {@code unquote_plus(text, errors='replace')}. */
    private static String unquote(String quoted, Charset charset) {
        String text = quoted.replace('+', ' ');
        StringBuilder unquoted = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
                continue;
            }
            flush(bytes, unquoted, charset);
            unquoted.append(c);
        }
        flush(bytes, unquoted, charset);
        return unquoted.toString();
    }

    /** Decodes the escaped bytes gathered so far, a malformed sequence as U+FFFD. */
    private static void flush(ByteArrayOutputStream bytes, StringBuilder into, Charset charset) {
        if (bytes.size() > 0) {
            into.append(BodyText.decodeReplacing(bytes.toByteArray(), charset));
            bytes.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
