package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration the packaged artifact (jar, or native executable where one is built) runs the black-box
 * tests with, given as a deployment gives it: its own PostgreSQL, the test keys by file (test resources are not
 * packaged), and the deployment's settings the suites expect (issuer, audience, trusted origins, the first
 * administrator). Everything else is the profile's own — the test profile's in {@code ./mvnw verify}, the
 * production profile's (real password hashing, JSON logs, no hints) in {@code ./mvnw verify -Dproduction}.
 */
public class PackagedArtifact implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "portcullis.jwt.signing-key", key("signing.pem"),
                "portcullis.jwt.signing-key-id", "test-signing",
                "portcullis.jwt.previous-keys", key("previous.jwks.json"),
                "portcullis.jwt.issuer", "portcullis-test",
                "portcullis.jwt.audience", "portcullis-api",
                "portcullis.csrf.trusted-origins", "https://app.example.test,https://*.trusted.test",
                "portcullis.session.idle-timeout", "30M",
                "portcullis.bootstrap-admin.username", Api.ADMIN,
                "portcullis.bootstrap-admin.password", Api.ADMIN_PASSWORD,
                // The suites log in hundreds of times a minute from one address; the production profile's
                // 20 a minute would refuse most of them. ThrottlingIT checks the login rate with its own.
                "portcullis.throttle.login.rate", "10000/minute"));
        settings.put("portcullis.probes.enabled", "true");  // the suites use the policy examples
        settings.put("portcullis.allowed-hosts", "localhost,127.0.0.1");  // the deployment's hosts: this machine
        // The suites' hundreds of requests a minute come from one address: request rates off (ThrottlingIT sets its own).
        settings.put("portcullis.throttle.anon.rate", "none");
        settings.put("portcullis.throttle.user.rate", "none");
        settings.put("portcullis.throttle.rates.register", "none");
        settings.putAll(extraSettings());
        return settings;
    }

    /** Settings a suite adds to the deployment's (its rates, its trusted proxies). */
    protected Map<String, String> extraSettings() {
        return Map.of();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PackagedDatabase.class));
    }

    private static String key(String file) {
        return Path.of("src/test/resources/test-keys", file).toAbsolutePath().toString();
    }
}
