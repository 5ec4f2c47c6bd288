package dev.portcullis.security.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DRF's {@code APIException}: an error answered with a status and a JSON body. One mapper writes
 * every one of them; subclasses only choose the status, the words and the code.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public ApiException(int status, String detail, String code) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public String code() {
        return code;
    }

    /** Headers to send with the error, e.g. {@code WWW-Authenticate} or {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A field of the body beside {@code detail}, e.g. SimpleJWT's {@code code} and {@code messages}. */
    public ApiException withField(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** The JSON body. DRF's default is {@code {"detail": ...}}; some errors add fields or replace it. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail());
        body.putAll(fields);
        return body;
    }
}
