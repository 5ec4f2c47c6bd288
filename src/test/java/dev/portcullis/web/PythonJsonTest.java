package dev.portcullis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JSON body read as DRF's {@code JSONParser} reads it: the document, or DRF's words after
 * {@code JSON parse error - }. Every row was asked of Python 3.11 and DRF 3.14 ({@code tools/drf/json_bodies.py}).
 */
class PythonJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each row: the body, then {@code  => }, then the document read or {@code !} and DRF's words. */
    private static final String[] DOCUMENTS = {
            "{\"a\": 1, \"b\": [true, false, null], \"c\": {}} => {\"a\":1,\"b\":[true,false,null],\"c\":{}}",
            "\t{\"a\":1}\r\n => {\"a\":1}",
            "{\"a\": 1, \"a\": 2, \"b\": 3} => {\"a\":2,\"b\":3}",
            "[1e5, -0, 1E+2, 1e-2, 0.5, 12345678901234567890123] => [100000.0,0,100.0,0.01,0.5,12345678901234567890123]",
            "1e400 => 1e400",
            "\"\\ud800\" => \"\\ud800\"",
            "\"\\uD83D\\uDE00 \\u00e9 \\/ \\b\" => \"\\uD83D\\uDE00 \u00e9 / \\b\"",
            "\"\\ud83d\\u0041\" => \"\\ud83dA\"",
            " => !Expecting value: line 1 column 1 (char 0)",
            "   => !Expecting value: line 1 column 3 (char 2)",
            "\ufeff{} => !Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)",
            "{ => !Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            "{\"a\":1,} => !Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
            "{'title': 'x'} => !Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            "{1:2} => !Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            "{\"a\" 1} => !Expecting ':' delimiter: line 1 column 6 (char 5)",
            "{\"a\" => !Expecting ':' delimiter: line 1 column 5 (char 4)",
            "{\"a\":} => !Expecting value: line 1 column 6 (char 5)",
            "{\"a\":1 => !Expecting ',' delimiter: line 1 column 7 (char 6)",
            "[1 2] => !Expecting ',' delimiter: line 1 column 4 (char 3)",
            "[1,] => !Expecting value: line 1 column 4 (char 3)",
            "[ => !Expecting value: line 1 column 2 (char 1)",
            "[\"a\" => !Expecting ',' delimiter: line 1 column 5 (char 4)",
            "- => !Expecting value: line 1 column 1 (char 0)",
            "-x => !Expecting value: line 1 column 1 (char 0)",
            "tru => !Expecting value: line 1 column 1 (char 0)",
            "{\"published\": tru} => !Expecting value: line 1 column 15 (char 14)",
            "01 => !Extra data: line 1 column 2 (char 1)",
            "1. => !Extra data: line 1 column 2 (char 1)",
            "1e => !Extra data: line 1 column 2 (char 1)",
            "1e+ => !Extra data: line 1 column 2 (char 1)",
            "{\"title\": \"x\"} x => !Extra data: line 1 column 16 (char 15)",
            "{\"a\":1}\n\n x => !Extra data: line 3 column 2 (char 10)",
            "{\"a\":1}\u0000 => !Extra data: line 1 column 8 (char 7)",
            "{\"a\":\n\n  x} => !Expecting value: line 3 column 3 (char 9)",
            "{\"\uD83D\uDE00\": x} => !Expecting value: line 1 column 7 (char 6)",
            "{\"t\": \"\u0001\"} => !Invalid control character at: line 1 column 8 (char 7)",
            "{\"t\": \"a\nb\"} => !Invalid control character at: line 1 column 9 (char 8)",
            "{\"t\": \"\\x\"} => !Invalid \\escape: line 1 column 8 (char 7)",
            "{\"t\": \"\\u12\"} => !Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            "{\"t\": \"\\u12g4\"} => !Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            "\"\\u0041 => !Invalid \\uXXXX escape: line 1 column 3 (char 2)",
            "\"\\ud800\\uzzzz\" => !Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            "{\"t\": \"abc => !Unterminated string starting at: line 1 column 7 (char 6)",
            "\"abc\\ => !Unterminated string starting at: line 1 column 1 (char 0)",
            "[NaN, x => !Out of range float values are not JSON compliant: 'NaN'",
            "[x, NaN] => !Expecting value: line 1 column 2 (char 1)",
            "{\"a\": -Infinity} => !Out of range float values are not JSON compliant: '-Infinity'",
            "{\"title\": Infinity} => !Out of range float values are not JSON compliant: 'Infinity'",
            "-Infinit => !Expecting value: line 1 column 1 (char 0)",
    };

    static Stream<Arguments> documents() {
        return Stream.of(DOCUMENTS).map(row -> row.split(" => ", 2)).map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("documents")
    void readsAsPythonReadsIt(String body, String expected) throws Exception {
        String answer;
        try {
            answer = PythonJson.parse(body).toString();
            expected = JSON.readTree(expected).toString();
        } catch (PythonJson.Malformed e) {
            answer = "!" + e.getMessage();
        }
        assertEquals(expected, answer);
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "7b 22 74 22 3a 22 c3 a9 22 7d => utf-8 => {\"t\":\"\u00e9\"}",
            "7b 22 74 22 3a 22 c3 => utf-8 => !Unterminated string starting at: line 1 column 6 (char 5)",
            "7b 22 74 22 3a 22 e2 82 => utf-8 => !Unterminated string starting at: line 1 column 6 (char 5)",
            "7b 22 74 22 3a 22 c3 22 7d => utf-8 => !'utf-8' codec can't decode byte 0xc3 in position 6: invalid continuation byte",
            "7b 22 74 22 3a 22 e2 82 22 7d => utf-8 => !'utf-8' codec can't decode bytes in position 6-7: invalid continuation byte",
            "7b 22 74 22 3a 22 f0 90 80 22 7d => utf-8 => !'utf-8' codec can't decode bytes in position 6-8: invalid continuation byte",
            "7b 22 74 22 3a 22 ed a0 80 22 7d => utf-8 => !'utf-8' codec can't decode byte 0xed in position 6: invalid continuation byte",
            "7b 22 74 22 3a 22 f4 90 80 80 22 7d => utf-8 => !'utf-8' codec can't decode byte 0xf4 in position 6: invalid continuation byte",
            "7b 22 74 22 3a 22 c0 af 22 7d => utf-8 => !'utf-8' codec can't decode byte 0xc0 in position 6: invalid start byte",
            "ff 7b 7d => utf-8 => !'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
            "ef bb bf 7b 7d => utf-8 => !Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)",
            "7b 22 74 22 3a 22 e9 22 7d => latin-1 => {\"t\":\"\u00e9\"}",
            "7b 22 74 22 3a 22 c3 a9 22 7d => ISO-8859-1 => {\"t\":\"\u00c3\u00a9\"}",
            "7b 22 74 22 3a 22 e9 22 7d => ascii => !'ascii' codec can't decode byte 0xe9 in position 6: ordinal not in range(128)",
            "7b 22 74 22 3a 22 c3 a9 22 7d => no-such-codec => {\"t\":\"\u00e9\"}",
    })
    void decodesAsPythonDecodesIt(String hex, String charset, String expected) throws Exception {
        String[] digits = hex.split(" ");
        byte[] body = new byte[digits.length];
        for (int i = 0; i < digits.length; i++) {
            body[i] = (byte) Integer.parseInt(digits[i], 16);
        }
        Charset decoding = BodyText.charsetOf("application/json; charset=" + charset);
        String answer;
        try {
            answer = PythonJson.parse(BodyText.decode(body, decoding)).toString();
            expected = JSON.readTree(expected).toString();
        } catch (PythonJson.Malformed | BodyText.Undecodable e) {
            answer = "!" + e.getMessage();
        }
        assertEquals(expected, answer);
    }
}
