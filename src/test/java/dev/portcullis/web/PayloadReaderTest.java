package dev.portcullis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.security.core.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which of DRF's parsers a body's content type chooses, and what it reads: the fields (a file as {@code {}}), or
 * the status and DRF's words. Every row was asked of DRF 3.14 ({@code tools/drf/parsers.py}).
 */
class PayloadReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each row: content type ({@code -}: none) {@code  => } body {@code  => } fields, or status and detail. */
    private static final String[] ROWS = {
            "application/json => {\"title\": \"x\"} => {\"title\":\"x\"}",
            "Application/JSON; charset=UTF-8 => {\"title\": \"x\"} => {\"title\":\"x\"}",
            "application/* => {\"title\": \"x\"} => {\"title\":\"x\"}",
            "*/* => {\"title\": \"x\"} => {\"title\":\"x\"}",
            "*/json => {\"title\": \"x\"} => {\"title\":\"x\"}",
            "application/json; charset=latin-1 => {\"title\": \"\u00c3\u00a9\"} => {\"title\":\"\u00c3\u0083\u00c2\u00a9\"}",
            "application/vnd.api+json => {\"title\": \"x\"} => !415 Unsupported media type \"application/vnd.api+json\" in request.",
            "text/json => {\"title\": \"x\"} => !415 Unsupported media type \"text/json\" in request.",
            "text/plain; charset=utf-8 => hello => !415 Unsupported media type \"text/plain; charset=utf-8\" in request.",
            "- => {\"title\": \"x\"} => !415 Unsupported media type \"\" in request.",
            "json => {\"title\": \"x\"} => !415 Unsupported media type \"json\" in request.",
            "text/plain =>  => {}",
            "application/json => {\"title\": \"x\",} => !400 JSON parse error - Expecting property name enclosed in double quotes: line 1 column 15 (char 14)",
            "application/x-www-form-urlencoded => title=a+b&published=on => {\"title\":\"a b\",\"published\":\"on\"}",
            "*/x-www-form-urlencoded => title=x => {\"title\":\"x\"}",
            "application/x-www-form-urlencoded; charset=latin-1 => title=%E9 => {\"title\":\"\u00e9\"}",
            "multipart/form-data; boundary=XyZ => --XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\ny\r\n--XyZ\r\nContent-Disposition: form-data; name=\"published\"\r\n\r\non\r\n--XyZ-- => {\"title\":\"x\\r\\ny\",\"published\":\"on\"}",
            "multipart/form-data; boundary=\"a b\" => preamble\r\n--a b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--a b-- => {\"title\":\"x\"}",
            "multipart/form-data; BOUNDARY=XyZ => --XyZ\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\n--XyZ-- => {\"title\":\"x\"}",
            "multipart/form-data; boundary=XyZ => --XyZ\r\nContent-Disposition: form-data; name=\"title\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\ny\r\n--XyZ-- => {\"title\":{}}",
            "multipart/form-data; boundary=XyZ => --XyZ\r\nContent-Disposition: form-data; name=\"title\"; filename=\"..\"\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data; name=\"body\"; filename=\"\"\r\n\r\ny\r\n--XyZ-- => {\"body\":\"y\"}",
            "multipart/form-data; boundary=XyZ => --XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\nContent-Transfer-Encoding: base64\r\n\r\nw6k=\r\n--XyZ-- => {\"title\":\"\u00e9\"}",
            "multipart/form-data; boundary=XyZ => --XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data\r\n\r\ny\r\n--XyZ-- => {}",
            "multipart/form-data; boundary=XyZ => title=x => {}",
            "multipart/form-data => --XyZ\r\n => !400 Multipart form parse error - Invalid boundary in multipart: None",
            "multipart/form-data; boundary=a\u0001b => --XyZ\r\n => !400 Multipart form parse error - Invalid boundary in multipart: a\u0001b",
            "multipart/form-data; boundary=\"ends \" => --XyZ\r\n => !400 Multipart form parse error - Invalid boundary in multipart: ends ",
            "Multipart/form-data; boundary=XyZ => --XyZ\r\n => !400 Multipart form parse error - Invalid Content-Type: Multipart/form-data; boundary=XyZ",
            "*/form-data; boundary=XyZ => --XyZ\r\n => !400 Multipart form parse error - Invalid Content-Type: */form-data; boundary=XyZ",
    };

    static Stream<Arguments> rows() {
        return Stream.of(ROWS).map(row -> row.split(" => ", 3)).map(row -> Arguments.of(row[0], row[1], row[2]));
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @MethodSource("rows")
    void readsAsDrfsParsersRead(String contentType, String body, String expected) throws Exception {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        if (!contentType.equals("-")) {
            headers.putSingle("Content-Type", contentType);
        }
        String answer;
        try {
            answer = new PayloadReader().readFrom(Payload.class, Payload.class, new Annotation[0], MediaType.WILDCARD_TYPE,
                    headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).json().toString();
            expected = JSON.readTree(expected).toString();
        } catch (ApiException e) {
            answer = "!" + e.status() + " " + e.detail();
        }
        assertEquals(expected, answer);
    }
}
