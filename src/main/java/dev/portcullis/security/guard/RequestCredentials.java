package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Credentials;
import dev.portcullis.security.throttle.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import java.net.URI;

/** A JAX-RS request as {@link Credentials}. */
final class RequestCredentials implements Credentials {

    private static final String AUTHORIZATION = "Authorization";

    private final ContainerRequestContext request;
    private final HttpServerRequest connection;
    private final ClientAddresses addresses;
    /** Read once: each authentication class of the endpoint asks for it in turn. */
    private String authorization;
    private boolean authorizationRead;

    RequestCredentials(ContainerRequestContext request, HttpServerRequest connection, ClientAddresses addresses) {
        this.request = request;
        this.connection = connection;
        this.addresses = addresses;
    }

    @Override
    public String header(String name) {
        if (!AUTHORIZATION.equals(name)) {
            return request.getHeaderString(name);
        }
        if (!authorizationRead) {
            authorization = request.getHeaderString(AUTHORIZATION);
            authorizationRead = true;
        }
        return authorization;
    }

    @Override
    public String cookie(String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public String queryParameter(String name) {
        return request.getUriInfo().getQueryParameters().getFirst(name);
    }

    @Override
    public String clientAddress() {
        return addresses.of(connection);
    }

    @Override
    public String requestOrigin() {
        URI uri = request.getUriInfo().getRequestUri();
        return uri.getScheme() == null || uri.getRawAuthority() == null ? null : uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
