package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The forwarding headers the service is given: the event's source address and API Gateway's scheme, nothing a client chose. */
class ClientHeadersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // headers in (name=value && …) | source address | headers passed on
            "x-forwarded-for=6.6.6.6, 203.0.113.9 && x-forwarded-proto=https|203.0.113.9|x-forwarded-for=203.0.113.9 && x-forwarded-proto=https",
            "Forwarded=for=6.6.6.6;host=evil.example|203.0.113.9|x-forwarded-for=203.0.113.9",
            "X-Forwarded-Host=evil.example && X-Forwarded-Port=8443 && X-Forwarded-Prefix=/x|203.0.113.9|x-forwarded-for=203.0.113.9",
            "X-Forwarded-Server=a && X-Forwarded-Ssl=on && accept=*/*|2001:db8::1|accept=*/* && x-forwarded-for=2001:db8::1",
            "authorization=Token abc|''|authorization=Token abc",
    })
    void onlyWhatApiGatewaySawIsPassedOn(String in, String sourceIp, String out) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(new APIGatewayV2HTTPEvent.RequestContext());
        event.getRequestContext().setHttp(new APIGatewayV2HTTPEvent.RequestContext.Http());
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        event.setHeaders(headers(in));

        ClientHeaders.apply(event);

        assertEquals(new TreeMap<>(headers(out)), new TreeMap<>(event.getHeaders()));
    }

    private static Map<String, String> headers(String list) {
        Map<String, String> headers = new HashMap<>();
        Arrays.stream(list.split(" && ")).forEach(h -> headers.put(h.substring(0, h.indexOf('=')),
                h.substring(h.indexOf('=') + 1)));
        return headers;
    }
}
