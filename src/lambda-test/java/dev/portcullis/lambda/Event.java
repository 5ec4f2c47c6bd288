package dev.portcullis.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An API Gateway HTTP API event (payload format 2.0), shaped as AWS sends it, to be changed field by field. */
final class Event {

    static final String HOST = "abc123.execute-api.eu-west-1.amazonaws.com";
    static final String SOURCE_IP = "203.0.113.9";

    private final Map<String, Object> json = new LinkedHashMap<>();

    private Event() {
    }

    static Event http(String method, String rawPath) {
        Event event = new Event();
        event.json.put("version", "2.0");
        event.json.put("routeKey", "$default");
        event.json.put("rawPath", rawPath);
        event.json.put("rawQueryString", "");
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("host", HOST);
        headers.put("x-forwarded-proto", "https");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-for", SOURCE_IP);
        headers.put("user-agent", "event-tests");
        event.json.put("headers", headers);
        Map<String, Object> http = new LinkedHashMap<>(Map.of("method", method, "path", rawPath,
                "protocol", "HTTP/1.1", "sourceIp", SOURCE_IP, "userAgent", "event-tests"));
        event.json.put("requestContext", new LinkedHashMap<>(Map.of("accountId", "000000000000", "apiId", "abc123",
                "domainName", HOST, "requestId", "request-1", "routeKey", "$default", "stage", "$default",
                "time", "01/Dec/2026:00:00:00 +0000", "timeEpoch", 1796083200000L, "http", http)));
        event.json.put("isBase64Encoded", false);
        return event;
    }

    @SuppressWarnings("unchecked")
    Event header(String name, String value) {
        ((Map<String, Object>) json.get("headers")).put(name, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    Event cookie(String cookie) {
        ((List<Object>) json.computeIfAbsent("cookies", key -> new ArrayList<>())).add(cookie);
        return this;
    }

    Event query(String rawQueryString) {
        return set("rawQueryString", rawQueryString);
    }

    /** A JSON body as API Gateway passes a text body: as it is. */
    Event json(String body) {
        header("content-type", "application/json");
        return set("body", body);
    }

    /** A body API Gateway passed base64-encoded (its default for a binary or unknown media type). */
    Event base64(String contentType, byte[] body) {
        header("content-type", contentType);
        set("isBase64Encoded", true);
        return set("body", Base64.getEncoder().encodeToString(body));
    }

    Event base64(String contentType, String body) {
        return base64(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets a field; the path is dotted ({@code requestContext.http.method}), the value any JSON value. */
    Event set(String path, Object value) {
        parentOf(path).put(leaf(path), value);
        return this;
    }

    Event remove(String path) {
        parentOf(path).remove(leaf(path));
        return this;
    }

    Map<String, Object> json() {
        return json;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parentOf(String path) {
        Map<String, Object> node = json;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            node = (Map<String, Object>) node.get(steps[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
