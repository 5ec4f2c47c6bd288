package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.Map;

/**
 * Reads an API Gateway HTTP API or Function URL event (payload format 2.0). An event of another shape — not JSON, a
 * REST API's format 1.0, a field of the wrong type — is not an error of the runtime's (which would answer the
 * client 502 with no body): it is read as a {@link MalformedEvent}, which {@link EventCheck} answers in DRF's shape.
 */
final class EventReader extends StdDeserializer<APIGatewayV2HTTPEvent> {

    /** AWS's own field names, independent of the service's mapper. */
    private static final ObjectMapper AWS_FIELDS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    EventReader() {
        super(APIGatewayV2HTTPEvent.class);
    }

    @Override
    public APIGatewayV2HTTPEvent deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode event;
        try {
            event = parser.readValueAsTree();
        } catch (IOException notJson) {
            return new MalformedEvent("the event is not JSON: " + firstLine(notJson.getMessage()));
        }
        String problem = shapeProblem(event);
        if (problem != null) {
            return new MalformedEvent(problem);
        }
        try {
            return AWS_FIELDS.treeToValue(event, APIGatewayV2HTTPEvent.class);
        } catch (IOException wrongType) {
            return new MalformedEvent("a field of the wrong type: " + firstLine(wrongType.getMessage()));
        }
    }

    /** What makes the event unreadable as a format 2.0 request, or null. */
    static String shapeProblem(JsonNode event) {
        if (event == null || !event.isObject()) {
            return "the event is not a JSON object";
        }
        JsonNode http = event.path("requestContext").path("http");
        if (!http.isObject()) {
            return event.has("httpMethod")
                    ? "payload format 1.0 (an API Gateway REST API): the function reads format 2.0 (an HTTP API "
                            + "or a Function URL)"
                    : "no requestContext.http";
        }
        Map<String, JsonNode> required = Map.of("requestContext.http.method", http.path("method"),
                "rawPath", event.path("rawPath"));
        for (Map.Entry<String, JsonNode> field : required.entrySet()) {
            if (!field.getValue().isTextual()) {
                return field.getKey() + " is not a string";
            }
        }
        Map<String, JsonNode> optionalText = Map.of("requestContext.http.sourceIp", http.path("sourceIp"),
                "rawQueryString", event.path("rawQueryString"), "body", event.path("body"));
        for (Map.Entry<String, JsonNode> field : optionalText.entrySet()) {
            if (!absent(field.getValue()) && !field.getValue().isTextual()) {
                return field.getKey() + " is not a string";
            }
        }
        JsonNode headers = event.path("headers");
        if (!absent(headers) && !(headers.isObject() && allTextOrNull(headers))) {
            return "headers is not an object of strings";
        }
        JsonNode cookies = event.path("cookies");
        if (!absent(cookies) && !(cookies.isArray() && allTextOrNull(cookies))) {
            return "cookies is not an array of strings";
        }
        JsonNode base64 = event.path("isBase64Encoded");
        if (!absent(base64) && !base64.isBoolean()) {
            return "isBase64Encoded is not a boolean";
        }
        return null;
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static boolean allTextOrNull(JsonNode container) {
        for (JsonNode value : container) {
            if (!value.isTextual() && !value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
