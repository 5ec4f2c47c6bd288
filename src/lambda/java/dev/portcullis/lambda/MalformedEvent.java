package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** An event that could not be read as an HTTP API (payload format 2.0) request, and why — for the log. */
final class MalformedEvent extends APIGatewayV2HTTPEvent {

    private final String problem;

    MalformedEvent(String problem) {
        this.problem = problem;
    }

    String problem() {
        return problem;
    }
}
