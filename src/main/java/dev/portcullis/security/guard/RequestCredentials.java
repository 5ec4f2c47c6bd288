package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Credentials;
import dev.portcullis.security.throttle.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import java.net.URI;

/** A JAX-RS request as {@link Credentials}. */
record RequestCredentials(ContainerRequestContext request, HttpServerRequest connection, ClientAddresses addresses)
        implements Credentials {

    @Override
    public String header(String name) {
        return request.getHeaderString(name);
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
