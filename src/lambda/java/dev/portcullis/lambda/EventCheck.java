package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.portcullis.web.BodySizeLimit;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * Answers an event the HTTP layer cannot read as a request (see {@link EventRules}) with a 4xx in DRF's shape, and
 * hands every other — with the client's address and scheme as API Gateway saw them ({@link ClientHeaders}) — to the
 * Lambda HTTP adapter, which routes it like a request on the HTTP port.
 */
@Decorator
@Priority(1)
public abstract class EventCheck implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = Logger.getLogger(EventCheck.class);

    @Inject
    @Delegate
    @Any
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> adapter;

    private final EventRules rules;

    @Inject
    EventCheck(BodySizeLimit limit) {
        this.rules = new EventRules(limit::allows, limit.refusal());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Optional<EventRules.Refusal> refusal = rules.refusal(event);
        if (refusal.isEmpty()) {
            ClientHeaders.apply(event);
            return adapter.handleRequest(event, context);
        }
        // An API Gateway never sends such an event: it points to the integration's set-up (its payload format), so
        // the operator is told why; the client gets DRF's answer.
        LOG.warnf("Lambda event refused with %d: %s", refusal.get().status(), refusal.get().reason());
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(refusal.get().status());
        response.setHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"));
        response.setBody(refusal.get().body());
        return response;
    }
}
