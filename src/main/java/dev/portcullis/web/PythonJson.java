package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;

/**
 * A JSON body read as DRF's {@code JSONParser} reads it — Python's {@code json.loads} with DRF's strict
 * constants — so that what it accepts, what it refuses and the words it refuses with are Python's:
 * {@code Expecting ',' delimiter: line 1 column 12 (char 11)}, positions counted in characters. Python accepts
 * duplicate keys (the last wins), lone surrogates in escapes and numbers of any size; it refuses a byte order mark,
 * anything after the document but whitespace, control characters in strings, and {@code NaN} or
 * {@code Infinity} (DRF's {@code Out of range float values are not JSON compliant}). A float too large for a
 * double is infinity, as Python's {@code float()} makes it. Written after CPython 3.11's {@code _json.c}.
 */
final class PythonJson {

    /**
     * How deep arrays and objects may nest: Python stops a little deeper, at its recursion limit, where DRF answers
     * 500; here it is the same words in a 400.
     */
    static final int MAX_DEPTH = 900;
    /** Python's {@code sys.get_int_max_str_digits()}: a longer integer is refused while it is read. */
    static final int MAX_INT_DIGITS = 4300;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private final int[] text;
    private int depth;

    private PythonJson(String text) {
        this.text = text.codePoints().toArray();
    }

    /** Why a body is not JSON, in Python's words (the part after DRF's {@code JSON parse error - }). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Python's {@code json.loads(text)} with DRF's constants refused. */
    static JsonNode parse(String text) throws Malformed {
        PythonJson json = new PythonJson(text);
        if (json.text.length > 0 && json.text[0] == '\uFEFF') {
            throw json.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        int start = json.whitespace(0);
        Result result = json.value(start);
        if (result == null) {
            throw json.error("Expecting value", start);
        }
        int end = json.whitespace(result.end);
        if (end != json.text.length) {
            throw json.error("Extra data", end);
        }
        return result.node;
    }

    private record Result(JsonNode node, int end) {
    }

    /** Python's {@code JSONDecodeError}: the message, then where, as {@code line L column C (char N)}. */
    private Malformed error(String message, int position) {
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < position && i < text.length; i++) {
            if (text[i] == '\n') {
                line++;
                lastNewline = i;
            }
        }
        return new Malformed(message + ": line " + line + " column " + (position - lastNewline) + " (char "
                + position + ")");
    }

    private int whitespace(int i) {
        while (i < text.length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** Python's {@code scan_once}: a value at {@code i}, or {@code null} where its {@code StopIteration} is. */
    private Result value(int i) throws Malformed {
        if (i >= text.length) {
            return null;
        }
        switch (text[i]) {
            case '"':
                return string(i + 1);
            case '{':
                return nested("object", () -> object(i + 1));
            case '[':
                return nested("array", () -> array(i + 1));
            case 'n':
                return word(i, "null") ? new Result(NODES.nullNode(), i + 4) : null;
            case 't':
                return word(i, "true") ? new Result(NODES.booleanNode(true), i + 4) : null;
            case 'f':
                return word(i, "false") ? new Result(NODES.booleanNode(false), i + 5) : null;
            case 'N':
                constant(i, "NaN");
                break;
            case 'I':
                constant(i, "Infinity");
                break;
            case '-':
                constant(i, "-Infinity");
                break;
            default:
                break;
        }
        return number(i);
    }

    private interface Scan {
        Result at() throws Malformed;
    }

    private Result nested(String kind, Scan scan) throws Malformed {
        if (++depth > MAX_DEPTH) {
            throw new Malformed("maximum recursion depth exceeded while decoding a JSON " + kind
                    + " from a unicode string");
        }
        Result result = scan.at();
        depth--;
        return result;
    }

    private boolean word(int i, String word) {
        if (i + word.length() > text.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** DRF's {@code strict_constant}: Python reads the constant, DRF refuses it. */
    private void constant(int i, String name) throws Malformed {
        if (word(i, name)) {
            throw new Malformed("Out of range float values are not JSON compliant: '" + name + "'");
        }
    }

    private Result object(int i) throws Malformed {
        ObjectNode object = NODES.objectNode();
        i = whitespace(i);
        if (i >= text.length || text[i] != '}') {
            while (true) {
                if (i >= text.length || text[i] != '"') {
                    throw error("Expecting property name enclosed in double quotes", i);
                }
                Result key = string(i + 1);
                i = whitespace(key.end);
                if (i >= text.length || text[i] != ':') {
                    throw error("Expecting ':' delimiter", i);
                }
                i = whitespace(i + 1);
                Result member = value(i);
                if (member == null) {
                    throw error("Expecting value", i);
                }
                object.set(key.node.textValue(), member.node);
                i = whitespace(member.end);
                if (i < text.length && text[i] == '}') {
                    break;
                }
                if (i >= text.length || text[i] != ',') {
                    throw error("Expecting ',' delimiter", i);
                }
                i = whitespace(i + 1);
            }
        }
        return new Result(object, i + 1);
    }

    private Result array(int i) throws Malformed {
        ArrayNode array = NODES.arrayNode();
        i = whitespace(i);
        if (i >= text.length || text[i] != ']') {
            while (true) {
                Result item = value(i);
                if (item == null) {
                    throw error("Expecting value", i);
                }
                array.add(item.node);
                i = whitespace(item.end);
                if (i < text.length && text[i] == ']') {
                    break;
                }
                if (i >= text.length || text[i] != ',') {
                    throw error("Expecting ',' delimiter", i);
                }
                i = whitespace(i + 1);
            }
        }
        return new Result(array, i + 1);
    }

    /** Python's {@code scanstring}, strict: {@code start} is just after the opening quote. */
    private Result string(int start) throws Malformed {
        int begin = start - 1;
        StringBuilder out = new StringBuilder();
        int end = start;
        while (true) {
            int next = end;
            int c = 0;
            for (; next < text.length; next++) {
                c = text[next];
                if (c == '"' || c == '\\') {
                    break;
                }
                if (c <= 0x1f) {
                    throw error("Invalid control character at", next);
                }
            }
            if (next == text.length) {
                throw error("Unterminated string starting at", begin);
            }
            for (int k = end; k < next; k++) {
                out.appendCodePoint(text[k]);
            }
            if (c == '"') {
                return new Result(NODES.textNode(out.toString()), next + 1);
            }
            next++;
            if (next == text.length) {
                throw error("Unterminated string starting at", begin);
            }
            c = text[next];
            if (c != 'u') {
                end = next + 1;
                out.append(switch (c) {
                    case '"', '\\', '/' -> (char) c;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> throw error("Invalid \\escape", end - 2);
                });
                continue;
            }
            next++;
            end = next + 4;
            if (end >= text.length) {
                throw error("Invalid \\uXXXX escape", next - 1);
            }
            int unit = hex4(next, end);
            if (Character.isHighSurrogate((char) unit) && end + 6 < text.length
                    && text[end] == '\\' && text[end + 1] == 'u') {
                int low = hex4(end + 2, end + 6);
                if (Character.isLowSurrogate((char) low)) {
                    out.append((char) unit).append((char) low);
                    end += 6;
                    continue;
                }
            }
            out.append((char) unit);
        }
    }

    /** Four hex digits from {@code from}; an error names the {@code u} before them, as Python does. */
    private int hex4(int from, int to) throws Malformed {
        int unit = 0;
        for (int k = from; k < to; k++) {
            int digit = Character.digit(text[k], 16);
            if (digit < 0 || text[k] > 'f') {
                throw error("Invalid \\uXXXX escape", to - 5);
            }
            unit = unit << 4 | digit;
        }
        return unit;
    }

    /** Python's {@code _match_number}: {@code null} when no number starts at {@code start}. */
    private Result number(int start) throws Malformed {
        int i = start;
        if (text[i] == '-') {
            i++;
            if (i >= text.length) {
                return null;
            }
        }
        if (text[i] >= '1' && text[i] <= '9') {
            i = digits(i + 1);
        } else if (text[i] == '0') {
            i++;
        } else {
            return null;
        }
        boolean isFloat = false;
        if (i + 1 < text.length && text[i] == '.' && isDigit(text[i + 1])) {
            isFloat = true;
            i = digits(i + 2);
        }
        if (i + 1 < text.length && (text[i] == 'e' || text[i] == 'E')) {
            int exponent = i + 1;
            if (exponent + 1 < text.length && (text[exponent] == '-' || text[exponent] == '+')) {
                exponent++;
            }
            int after = digits(exponent);
            if (after > exponent) {
                isFloat = true;
                i = after;
            }
        }
        String literal = new String(text, start, i - start);
        if (isFloat) {
            return new Result(NODES.numberNode(Double.parseDouble(literal)), i);
        }
        int digits = literal.length() - (literal.charAt(0) == '-' ? 1 : 0);
        if (digits > MAX_INT_DIGITS) {
            throw new Malformed("Exceeds the limit (" + MAX_INT_DIGITS + " digits) for integer string conversion: "
                    + "value has " + digits + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        BigInteger value = new BigInteger(literal);
        return new Result(value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value), i);
    }

    private int digits(int i) {
        while (i < text.length && isDigit(text[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
