package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A field's text written into a JSON answer, byte for byte as {@link JsonGenerator#writeString(String)} writes it,
 * faster. Jackson escapes text one character at a time, which under C1 (the JIT the deployment runs) was 15 % of a
 * long list's CPU time. Text that is printable ASCII with no {@code "} and no {@code \} — a title, a date, a
 * username, almost every value — needs no escape at all: it is copied as its bytes, which the JDK makes in bulk, and
 * checked on the bytes, three times as fast as Jackson's loop. Any other text, and any generator that escapes more
 * than JSON requires or does not write UTF-8 bytes, is left to Jackson; so is text with a {@code ?}, since that is
 * what the JDK writes for a character it cannot encode as one byte (a lone surrogate, which Jackson escapes).
 */
final class JsonText {

    private JsonText() {
    }

    static void write(JsonGenerator json, String text) throws IOException {
        if (escapesAsJsonRequires(json)) {
            byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
            if (needsNoEscape(ascii)) {
                json.writeRawUTF8String(ascii, 0, ascii.length);
                return;
            }
        }
        json.writeString(text);
    }

    /** Text the caller made as bytes and knows to need no escape (printable ASCII, no quote, no backslash). */
    static void writeAscii(JsonGenerator json, byte[] ascii, int length) throws IOException {
        if (escapesAsJsonRequires(json)) {
            json.writeRawUTF8String(ascii, 0, length);
        } else {
            json.writeString(new String(ascii, 0, length, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Whether the generator escapes no more than JSON requires, into UTF-8 bytes: then text known to need no escape,
     * and a name's {@link com.fasterxml.jackson.core.io.SerializedString}, are written as they are.
     */
    static boolean escapesAsJsonRequires(JsonGenerator json) {
        return json instanceof UTF8JsonGenerator && json.getCharacterEscapes() == null && json.getHighestEscapedChar() == 0;
    }

    /** Printable ASCII (and DEL, which JSON leaves as it is) but for the quote, the backslash and {@code ?}. */
    private static boolean needsNoEscape(byte[] latin1) {
        for (byte b : latin1) {
            if (b < 0x20 || b == '"' || b == '\\' || b == '?') {  // a character past ASCII is a negative byte
                return false;
            }
        }
        return true;
    }
}
