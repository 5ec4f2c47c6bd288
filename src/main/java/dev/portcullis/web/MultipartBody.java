package dev.portcullis.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (what {@code curl -F} and an HTML form with a file input send) read as Django's
 * {@code MultiPartParser} reads it for DRF: each part named by its {@code Content-Disposition} is a field, decoded
 * in the request's charset (base64 when the part says so); a part with a file name is a file, which no field of a
 * serializer here reads as text; parts without a name, or without headers, are passed over. A name's files come
 * after its fields, so its last value is a file when it has one. A content type without a valid boundary is DRF's
 * {@code Multipart form parse error}.
 */
final class MultipartBody {

    /** Python's {@code cgi.valid_boundary}. */
    private static final Pattern VALID_BOUNDARY = Pattern.compile("[ -~]{0,200}[!-~]");
    private static final Pattern PARAMETER = Pattern.compile(
            ";\\s*([^=;\\s]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;]*)");
    /** Django reads a part's headers only when they end within its first kilobyte. */
    private static final int MOST_HEADER_BYTES = 1024;

    private MultipartBody() {
    }

    /** Why a multipart body cannot be read, in Django's words (after DRF's {@code Multipart form parse error - }). */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static FormFields parse(byte[] body, String contentType, Charset charset) throws Unreadable {
        if (!contentType.startsWith("multipart/")) {
            throw new Unreadable("Invalid Content-Type: " + contentType);
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(contentType)) {
            throw new Unreadable("Invalid non-ASCII Content-Type in multipart: " + contentType);
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || !VALID_BOUNDARY.matcher(boundary).matches()) {
            throw new Unreadable("Invalid boundary in multipart: " + (boundary == null ? "None" : boundary));
        }
        FormFields fields = new FormFields();
        FormFields files = new FormFields();
        byte[] separator = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < body.length) {
            int found = indexOf(body, separator, start);
            int end = found < 0 ? body.length : beforeLineBreak(body, start, found);
            part(body, start, end, charset, fields, files);
            start = found < 0 ? body.length : found + separator.length;
        }
        fields.addAll(files);
        return fields;
    }

    /** One part, from just after a boundary to just before the line break that precedes the next. */
    private static void part(byte[] body, int start, int end, Charset charset, FormFields fields, FormFields files) {
        byte[] headerEnd = {'\r', '\n', '\r', '\n'};
        int headers = indexOf(body, headerEnd, start);
        if (headers < 0 || headers >= end || headers + headerEnd.length > start + MOST_HEADER_BYTES) {
            return;
        }
        String disposition = null;
        String transferEncoding = null;
        for (String line : new String(body, start, headers - start, StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (name.equals("content-disposition")) {
                disposition = line.substring(colon + 1);
            } else if (name.equals("content-transfer-encoding")) {
                transferEncoding = line.substring(colon + 1).split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            }
        }
        String name = disposition == null ? null : parameter(disposition, "name");
        if (name == null) {
            return;
        }
        name = decode(name.strip().getBytes(StandardCharsets.ISO_8859_1), charset);
        String fileName = parameter(disposition, "filename");
        if (fileName != null && !fileName.isEmpty()) {
            if (isFileName(fileName)) {
                files.add(name, JsonNodeFactory.instance.objectNode());  // a file: no field reads it as text
            }
            return;
        }
        byte[] value = Arrays.copyOfRange(body, Math.min(headers + headerEnd.length, end), end);
        if ("base64".equals(transferEncoding)) {
            try {
                value = Base64.getMimeDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                // Python's b64decode refused it too: the part's bytes are kept as they are
            }
        }
        fields.add(name, decode(value, charset));
    }

    /** Django's {@code sanitize_file_name}: the name after its last slash, which must not be empty or a dot or two. */
    private static boolean isFileName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return !(base.isEmpty() || base.equals(".") || base.equals(".."));
    }

    /** Django's {@code force_str(data, encoding, errors='replace')}. */
    private static String decode(byte[] bytes, Charset charset) {
        return BodyText.decodeReplacing(bytes, charset);
    }

    /** A parameter of a header value (its name in any case), unquoted; {@code null} when it has none. */
    private static String parameter(String header, String name) {
        Matcher matcher = PARAMETER.matcher(header);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                String value = matcher.group(2).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"")
                        : value;
            }
        }
        return null;
    }

    /** Where a part ends: before the CRLF (or LF) that precedes its boundary. */
    private static int beforeLineBreak(byte[] body, int start, int boundary) {
        int end = boundary;
        if (end > start && body[end - 1] == '\n') {
            end--;
        }
        if (end > start && body[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
