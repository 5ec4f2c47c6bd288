package dev.portcullis.web;

/**
 * Python's {@code repr()} of a string, as Django's messages quote a value with {@code %r}: single quotes, or
 * double quotes when the text holds a single quote and no double one; backslashes and control characters escaped.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    static String of(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder repr = new StringBuilder(text.length() + 2).append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> repr.append("\\\\");
                case '\t' -> repr.append("\\t");
                case '\n' -> repr.append("\\n");
                case '\r' -> repr.append("\\r");
                default -> {
                    if (c == quote) {
                        repr.append('\\').append(c);
                    } else if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                        repr.append(String.format("\\x%02x", (int) c));
                    } else {
                        repr.append(c);
                    }
                }
            }
        }
        return repr.append(quote).toString();
    }
}
