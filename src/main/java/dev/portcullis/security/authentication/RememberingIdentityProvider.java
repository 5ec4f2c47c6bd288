package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An identity provider that answers a credential it verified before at once, on the calling thread. The guard then
 * decides the request there and then, without the asynchronous pipeline a credential otherwise goes through (whose
 * every step carries the request's context along: a tenth of a small answer's CPU).
 */
public interface RememberingIdentityProvider<T extends AuthenticationRequest> extends IdentityProvider<T> {

    /**
     * What the credential was verified as before, with whatever its use notes on the way (as {@link #authenticate}
     * would); empty when it has to be verified now.
     *
     * @throws AuthenticationFailure the failure the credential met before, when that is remembered
     */
    Optional<SecurityIdentity> remembered(T request);

    /** For {@link #authenticate}: the remembered answer, else the verification. */
    default Uni<SecurityIdentity> rememberedOr(T request, Supplier<Uni<SecurityIdentity>> verification) {
        try {
            return remembered(request).map(identity -> Uni.createFrom().item(identity)).orElseGet(verification);
        } catch (AuthenticationFailure failure) {
            return Uni.createFrom().failure(failure);
        }
    }
}
