package dev.portcullis.viewsets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A query string as Django reads it ({@code parse_qsl} with blank values kept, split on {@code &} only) and as
 * DRF writes it back into pagination links ({@code replace_query_param}: parameters sorted by name, each
 * value {@code quote_plus}-encoded).
 */
final class QueryParameters {

    private final List<Map.Entry<String, String>> pairs;

    private QueryParameters(List<Map.Entry<String, String>> pairs) {
        this.pairs = pairs;
    }

    private static final QueryParameters NONE = new QueryParameters(List.of());

    static QueryParameters parse(String query) {
        if (query == null || query.isEmpty()) {
            return NONE;
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(unquotePlus(name), unquotePlus(value)));
        }
        return new QueryParameters(pairs);
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** {@code request.query_params[name]}: the last value of a repeated parameter. */
    Optional<String> last(String name) {
        String found = null;
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getKey().equals(name)) {
                found = pair.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The first value of a parameter, as {@code parse_qs(...)[name][0]}. */
    Optional<String> first(String name) {
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getKey().equals(name)) {
                return Optional.of(pair.getValue());
            }
        }
        return Optional.empty();
    }

    /** A copy with the parameter set to one value. */
    QueryParameters with(String name, String value) {
        QueryParameters copy = without(name);
        copy.pairs.add(Map.entry(name, value));
        return copy;
    }

    /** A copy without the parameter. */
    QueryParameters without(String name) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs) {
            if (!pair.getKey().equals(name)) {
                kept.add(pair);
            }
        }
        return new QueryParameters(kept);
    }

    /** {@code urlencode(sorted(query_dict.items()), doseq=True)}: by name, a repeated name's values in order. */
    String encode() {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(pairs);
        sorted.sort(Map.Entry.comparingByKey());  // stable: a repeated name keeps its values' order
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : sorted) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(quotePlus(pair.getKey())).append('=').append(quotePlus(pair.getValue()));
        }
        return out.toString();
    }

    /** Python's {@code quote_plus(text, safe='')}. */
    static String quotePlus(String text) {
        if (allChars(text, QueryParameters::unreserved)) {  // a page's number or a limit: nothing to quote
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean allChars(String text, IntPredicate test) {
        for (int i = 0; i < text.length(); i++) {
            if (!test.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0;
    }

    /** Python's {@code unquote_plus}: a malformed escape stays as written, bad UTF-8 becomes U+FFFD. */
    static String unquotePlus(String text) {
        if (allChars(text, c -> c < 0x80 && c != '%' && c != '+')) {  // nothing to decode
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.replace('+', ' ').getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
