package dev.portcullis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Form bodies as Django's {@code QueryDict} reads them (each row's answer is Django 3.2's own, asked with
 * {@code QueryDict(body).lists()}: every value of a name, in order): lenient with broken escapes and non-UTF-8 bytes, never a refusal. A body given as
 * {@code hex:…} is raw bytes.
 */
class FormBodyTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a=1&b=2                     | {\"a\": [\"1\"], \"b\": [\"2\"]}",
            "a=1&a=2                     | {\"a\": [\"1\", \"2\"]}",
            "a                           | {\"a\": [\"\"]}",
            "a=                          | {\"a\": [\"\"]}",
            "=x                          | {\"\": [\"x\"]}",
            "&&a=1&                      | {\"a\": [\"1\"]}",
            "a=%2                        | {\"a\": [\"%2\"]}",
            "a=%zz1                      | {\"a\": [\"%zz1\"]}",
            "a=100%                      | {\"a\": [\"100%\"]}",
            "a=%C3%A9                    | {\"a\": [\"\\u00e9\"]}",
            "a=%C3                       | {\"a\": [\"\\ufffd\"]}",
            "a=%FF%FE                    | {\"a\": [\"\\ufffd\\ufffd\"]}",
            "a=%ED%A0%80                 | {\"a\": [\"\\ufffd\\ufffd\\ufffd\"]}",
            "a=%E2%82A                   | {\"a\": [\"\\ufffdA\"]}",
            "a=%F0%9F%98                 | {\"a\": [\"\\ufffd\"]}",
            "a+b=c+d                     | {\"a b\": [\"c d\"]}",
            "a=1;b=2                     | {\"a\": [\"1;b=2\"]}",
            "{\"title\": \"d%,n?]+1b&8-\"} | {\"{\\\"title\\\": \\\"d%,n?] 1b\": [\"\"], \"8-\\\"}\": [\"\"]}",
            "hex:636166c3a93d31          | {\"caf\\u00e9\": [\"1\"]}",
            "hex:636166e93d31            | {\"caf\\u00e9\": [\"1\"]}",
            "a=%2B%26%3D                 | {\"a\": [\"+&=\"]}",
    })
    void aFormBodyIsReadAsDjangoReadsIt(String body, String fields) throws Exception {
        byte[] bytes = body.startsWith("hex:") ? HexFormat.of().parseHex(body.substring(4))
                : body.getBytes(StandardCharsets.UTF_8);
        FormFields form = FormBody.parse(bytes, StandardCharsets.UTF_8);
        Map<String, Object> lists = new LinkedHashMap<>();
        form.lastValues().fieldNames().forEachRemaining(name -> lists.put(name, mapper.convertValue(form.all(name),
                List.class)));
        assertEquals(mapper.readValue(fields, Map.class), lists);
    }
}
