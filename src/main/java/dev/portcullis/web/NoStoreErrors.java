package dev.portcullis.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Errors are about one request and one caller: no cache may keep them. */
public class NoStoreErrors {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (response.getStatus() >= 400) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
