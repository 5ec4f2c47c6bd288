package dev.portcullis.accounts.external;

import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Errors;

/**
 * The identity provider could not be asked — its discovery document, keys or introspection endpoint did not answer
 * — and nothing cached answers for it: the request is refused with 503 and {@code Retry-After}, never let through.
 */
final class ProviderUnavailable {

    private ProviderUnavailable() {
    }

    static ApiException because(String what, Exception cause) {
        org.jboss.logging.Logger.getLogger(ProviderUnavailable.class).warnf("The identity provider did not answer (%s): %s",
                what, cause == null ? "no answer" : cause.toString());
        return Errors.serviceUnavailable();
    }
}
