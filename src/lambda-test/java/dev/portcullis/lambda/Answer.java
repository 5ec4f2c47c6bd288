package dev.portcullis.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The function's answer to an event, as API Gateway reads it: status, headers, cookies and body. */
record Answer(int status, Map<String, String> headers, List<String> cookies, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer read(String response) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!answer.has("statusCode")) {
            throw new AssertionError("not an HTTP API answer: " + response);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.path("headers").fields().forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
        List<String> cookies = new ArrayList<>();
        answer.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
        if (answer.path("isBase64Encoded").asBoolean()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new Answer(answer.get("statusCode").asInt(), headers, cookies, body);
    }

    /** The value of a cookie the answer sets, or null. */
    String cookie(String name) {
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .orElse(null);
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
