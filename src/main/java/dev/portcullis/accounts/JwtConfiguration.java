package dev.portcullis.accounts;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * JWT settings from configuration. Without {@code portcullis.jwt.signing-key}, start-up fails — unless
 * {@code portcullis.jwt.generate-key} allows a key made for this process only (dev mode).
 */
public class JwtConfiguration {

    private static final Logger LOG = Logger.getLogger(JwtConfiguration.class);

    @Produces
    @Singleton
    @Startup
    JwtTokens jwtTokens(
            @ConfigProperty(name = "portcullis.jwt.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "portcullis.jwt.signing-key-id", defaultValue = "portcullis") String keyId,
            @ConfigProperty(name = "portcullis.jwt.previous-keys") Optional<List<String>> previousKeys,
            @ConfigProperty(name = "portcullis.jwt.generate-key", defaultValue = "false") boolean generateKey,
            @ConfigProperty(name = "portcullis.jwt.access-token-lifetime", defaultValue = "5M") Duration accessLifetime,
            @ConfigProperty(name = "portcullis.jwt.refresh-token-lifetime", defaultValue = "1D") Duration refreshLifetime,
            @ConfigProperty(name = "portcullis.jwt.issuer") Optional<String> issuer,
            @ConfigProperty(name = "portcullis.jwt.audience") Optional<String> audience,
            @ConfigProperty(name = "portcullis.jwt.leeway", defaultValue = "0S") Duration leeway) {
        JwtKeys keys;
        if (signingKey.isPresent()) {
            keys = JwtKeys.load(signingKey.get(), keyId, previousKeys.orElse(List.of()));
        } else if (generateKey) {
            LOG.warn("No portcullis.jwt.signing-key: JWTs are signed with a key made for this process only");
            keys = JwtKeys.generate(keyId);
        } else {
            throw new IllegalStateException("portcullis.jwt.signing-key is not set: point it at an RSA private key "
                    + "in PEM (PKCS#8), e.g. a file mounted from a Secret (PORTCULLIS_JWT_SIGNING_KEY=/keys/jwt.pem)");
        }
        return new JwtTokens(keys, new JwtTokens.Settings(accessLifetime, refreshLifetime, issuer, audience, leeway));
    }
}
