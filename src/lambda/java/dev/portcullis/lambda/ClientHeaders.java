package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The client's address and scheme as API Gateway saw them, in the headers the service reads them from (the
 * function's configuration turns Quarkus's forwarded-header support on). API Gateway appends the client's address to
 * whatever {@code X-Forwarded-For} the client sent, so the header is replaced by the event's {@code sourceIp};
 * {@code X-Forwarded-Proto} is set by API Gateway itself and kept; the other forwarding headers a client could
 * choose are dropped, so that no client chooses the address the login rate counts or the origin CSRF checks compare.
 */
final class ClientHeaders {

    private static final Set<String> CLIENT_CHOSEN = Set.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-forwarded-ssl");

    private ClientHeaders() {
    }

    static void apply(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (!CLIENT_CHOSEN.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, value);
                }
            });
        }
        String sourceIp = event.getRequestContext().getHttp().getSourceIp();
        if (sourceIp != null && !sourceIp.isEmpty()) {
            headers.put("x-forwarded-for", sourceIp);
        }
        event.setHeaders(headers);
    }
}
