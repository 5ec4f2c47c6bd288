package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.netty.util.NetUtil;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * What an event must be for the HTTP layer to read it as a request: each check stands for an exception the Lambda
 * HTTP adapter would otherwise throw (and answer 500), or a limit the HTTP server would otherwise enforce with a
 * bare status.
 */
final class EventRules {

    /** A refused event: the status and DRF body the client gets, and the reason the log gets. */
    record Refusal(int status, String body, String reason) {
    }

    static final String MALFORMED = "{\"detail\":\"Malformed request.\"}";

    /** RFC 9110's token characters, which a method and a header name are made of. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final LongPredicate bodySizeAllowed;
    private final String bodyTooLarge;

    EventRules(LongPredicate bodySizeAllowed, String bodyTooLarge) {
        this.bodySizeAllowed = bodySizeAllowed;
        this.bodyTooLarge = bodyTooLarge;
    }

    Optional<Refusal> refusal(APIGatewayV2HTTPEvent event) {
        if (event instanceof MalformedEvent malformed) {
            return malformed(malformed.problem());
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = event.getRequestContext().getHttp();
        if (!isToken(http.getMethod())) {
            return malformed("the method is not a token: " + http.getMethod());
        }
        if (!event.getRawPath().startsWith("/") || !isVisibleAscii(event.getRawPath())) {
            return malformed("rawPath is not an absolute path of visible ASCII characters");
        }
        if (event.getRawQueryString() != null && !isVisibleAscii(event.getRawQueryString())) {
            return malformed("rawQueryString holds characters that are not visible ASCII");
        }
        String sourceIp = http.getSourceIp();
        if (sourceIp != null && !sourceIp.isEmpty()
                && !NetUtil.isValidIpV4Address(sourceIp) && !NetUtil.isValidIpV6Address(sourceIp)) {
            return malformed("requestContext.http.sourceIp is not an IP address");
        }
        Optional<Refusal> headers = headerRefusal(event.getHeaders());
        if (headers.isPresent()) {
            return headers;
        }
        if (event.getCookies() != null && event.getCookies().stream().anyMatch(c -> c != null && hasLineBreak(c))) {
            return malformed("a cookie holds a line break");
        }
        return bodyRefusal(event);
    }

    private Optional<Refusal> headerRefusal(Map<String, String> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!isToken(header.getKey())) {
                return malformed("a header name is not a token");
            }
            if (header.getValue() != null && hasLineBreak(header.getValue())) {
                return malformed("header " + header.getKey() + " holds a line break");
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> bodyRefusal(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return Optional.empty();
        }
        long size;
        if (event.getIsBase64Encoded()) {
            try {
                size = Base64.getDecoder().decode(event.getBody()).length;
            } catch (IllegalArgumentException notBase64) {
                return malformed("isBase64Encoded is set and the body is not base64: " + notBase64.getMessage());
            }
        } else {
            size = event.getBody().getBytes(StandardCharsets.UTF_8).length;
        }
        if (!bodySizeAllowed.test(size)) {
            return Optional.of(new Refusal(413, bodyTooLarge, "a body of " + size + " bytes"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> malformed(String reason) {
        return Optional.of(new Refusal(400, MALFORMED, reason));
    }

    private static boolean isToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisibleAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0;
    }
}
