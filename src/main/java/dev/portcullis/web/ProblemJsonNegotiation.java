package dev.portcullis.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;

/**
 * A client asking for {@code application/problem+json} wants its errors as problem documents, not a 406:
 * its successful answers stay JSON, so JSON is added to what it accepts before the endpoint is matched.
 */
public class ProblemJsonNegotiation {

    @ServerRequestFilter(preMatching = true, priority = Priorities.HEADER_DECORATOR)
    public void acceptJsonToo(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains(ErrorResponses.PROBLEM_JSON)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", application/json;q=0.9");
        }
    }
}
