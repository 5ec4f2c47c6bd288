package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.RememberingIdentityProvider;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identities Quarkus's identity provider manager would answer at once, asked for directly: for each kind of
 * credential whose one provider remembers (a {@link RememberingIdentityProvider}). Where the manager would do more —
 * an identity augmentor is installed, or two providers take one kind of credential — nothing is answered here and
 * every credential goes through the manager.
 */
@Singleton
public class RememberedIdentities {

    private static final Logger LOG = Logger.getLogger(RememberedIdentities.class);

    private final Map<Class<?>, RememberingIdentityProvider<?>> providers = new HashMap<>();

    RememberedIdentities(Instance<IdentityProvider<?>> providers, Instance<SecurityIdentityAugmentor> augmentors) {
        if (augmentors.stream().findAny().isPresent()) {
            LOG.infof("Identity augmentors are installed: every credential is verified through the identity provider manager");
            return;
        }
        Map<Class<?>, List<IdentityProvider<?>>> byType = providers.stream()
                .collect(Collectors.groupingBy(IdentityProvider::getRequestType));
        byType.forEach((type, candidates) -> {
            if (candidates.size() == 1 && candidates.get(0) instanceof RememberingIdentityProvider<?> remembering) {
                this.providers.put(type, remembering);
            }
        });
    }

    /**
     * The identity the credential was verified as before; empty when it has to be verified now.
     *
     * @throws dev.portcullis.security.core.AuthenticationFailure the failure it met before, when that is remembered
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<SecurityIdentity> of(AuthenticationRequest request) {
        RememberingIdentityProvider provider = providers.get(request.getClass());
        return provider == null ? Optional.empty() : provider.remembered(request);
    }
}
