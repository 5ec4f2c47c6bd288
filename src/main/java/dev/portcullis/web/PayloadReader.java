package dev.portcullis.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.security.core.Errors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Reads a {@link Payload} the way DRF's default parsers do: JSON, or a form. The body is read only when the
 * endpoint asks for it, after the guard has run. An empty body, or one sent without a content type, is an
 * empty payload; any other content type is a 415 and malformed JSON a 400 — never a 500.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class PayloadReader implements MessageBodyReader<Payload> {

    private final ObjectMapper mapper;

    /**
     * Bounds on what a body may hold, so that a hostile document costs little to refuse: nesting (a deep
     * document would otherwise cost stack), and the length of one string or number.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build();

    public PayloadReader(ObjectMapper mapper) {
        this.mapper = mapper.copyWith(mapper.getFactory().copy().setStreamReadConstraints(LIMITS));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Payload.class;
    }

    @Override
    public Payload readFrom(Class<Payload> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        String contentType = headers.getFirst("Content-Type");
        if (bytes.length == 0 || contentType == null || contentType.isBlank()) {
            return Payload.empty();
        }
        String essence = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (essence.equals("application/json") || essence.endsWith("+json")) {
            return new Payload(parseJson(bytes));
        }
        if (essence.equals("application/x-www-form-urlencoded")) {
            return new Payload(parseForm(bytes));
        }
        throw Errors.unsupportedMediaType(contentType);
    }

    private JsonNode parseJson(byte[] bytes) {
        try {
            JsonNode root = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw Errors.parseError("Expecting value: the body holds no JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw Errors.parseError(e.getOriginalMessage());
        } catch (IOException e) {
            throw Errors.parseError("the body could not be read");
        }
    }

    private static ObjectNode parseForm(byte[] bytes) {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        FormBody.parse(bytes).forEach(form::put);
        return form;
    }
}
