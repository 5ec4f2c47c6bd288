package dev.portcullis.web;

import dev.portcullis.security.authentication.SessionAuthentication;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What a cache between the service and its clients may keep: nothing about one caller. An error, and any answer
 * to a request that carried credentials (an {@code Authorization} header or the session cookie), is
 * {@code no-store}; every answer says it varies by {@code Accept} (JSON or the browsable page), {@code Authorization}
 * and {@code Cookie}, so that a shared cache never hands one caller's answer to another.
 */
public class CacheHeaders {

    static final String VARY = "Accept, Authorization, Cookie";

    @ServerResponseFilter
    public void cacheHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 || carriesCredentials(request)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        response.getHeaders().putSingle(HttpHeaders.VARY, VARY);
    }

    private static boolean carriesCredentials(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().containsKey(SessionAuthentication.SESSION_COOKIE);
    }
}
