package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Credentials;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

/** A JAX-RS request as {@link Credentials}. */
record RequestCredentials(ContainerRequestContext request) implements Credentials {

    @Override
    public String header(String name) {
        return request.getHeaderString(name);
    }

    @Override
    public String cookie(String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }
}
