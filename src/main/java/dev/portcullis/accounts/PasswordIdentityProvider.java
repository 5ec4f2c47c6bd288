package dev.portcullis.accounts;

import dev.portcullis.security.authentication.BasicAuthentication;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Verifies {@code BasicAuthentication}'s username and password, under the login rate like every other login.
 * As with Django's model backend, an inactive user is indistinguishable from a wrong password.
 */
@Singleton
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Accounts accounts;

    public PasswordIdentityProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String address = request.getAttribute(BasicAuthentication.CLIENT_ADDRESS);
        return context.runBlocking(() -> accounts
                .login(address, request.getUsername(), new String(request.getPassword().getPassword()))
                .map(Identities::of)
                .orElseThrow(() -> new AuthenticationFailure("Invalid username/password.")
                        .withHint("The username and password do not match an active account.")));
    }
}
