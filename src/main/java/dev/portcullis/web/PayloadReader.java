package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a {@link Payload} the way DRF's default parsers do, chosen as DRF chooses them: JSON ({@link PythonJson}, in
 * the charset the content type names), a form, or a multipart form ({@link MultipartBody}). The body is read only when the endpoint asks for it, after the guard has run. An empty
 * body is an empty payload; a body of any other content type, or of none, is a 415, and malformed JSON a 400 in
 * Python's words — never a 500.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class PayloadReader implements MessageBodyReader<Payload> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Payload.class;
    }

    @Override
    public Payload readFrom(Class<Payload> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        String contentType = Objects.requireNonNullElse(headers.getFirst("Content-Type"), "");
        String media = essence(contentType);
        if (bytes.length == 0) {  // DRF's is_form_media_type: an empty form is still a form
            return media.equals("application/x-www-form-urlencoded") || media.equals("multipart/form-data")
                    ? Payload.ofForm(new FormFields()) : Payload.empty();
        }
        String[] essence = media.split("/", 2);
        if (matches(essence, "application", "json")) {
            return new Payload(parseJson(bytes, BodyText.charsetOf(contentType)));
        }
        if (matches(essence, "application", "x-www-form-urlencoded")) {
            return Payload.ofForm(FormBody.parse(bytes, BodyText.charsetOf(contentType)));
        }
        if (matches(essence, "multipart", "form-data")) {
            try {
                return Payload.ofForm(MultipartBody.parse(bytes, contentType, BodyText.charsetOf(contentType)));
            } catch (MultipartBody.Unreadable e) {
                throw Errors.multipartParseError(e.getMessage());
            }
        }
        throw Errors.unsupportedMediaType(contentType);
    }

    /** The type and subtype of a content type, lower-cased, without its parameters. */
    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * DRF's choice of parser ({@code media_type_matches}): a wildcard on either side matches, so a body sent as
     * {@code application/*} or {@code *}{@code /*} is read as JSON, the first of DRF's parsers.
     */
    private static boolean matches(String[] type, String main, String sub) {
        String requestSub = type.length > 1 ? type[1] : "";
        return (type[0].equals("*") || type[0].equals(main)) && (requestSub.equals("*") || requestSub.equals(sub));
    }

    private static JsonNode parseJson(byte[] bytes, Charset charset) {
        try {
            return PythonJson.parse(BodyText.decode(bytes, charset));
        } catch (PythonJson.Malformed | BodyText.Undecodable e) {
            throw Errors.parseError(e.getMessage());
        }
    }
}
