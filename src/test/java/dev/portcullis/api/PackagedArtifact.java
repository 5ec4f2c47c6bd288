package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration the packaged artifact (jar, or native executable where one is built) runs the black-box
 * tests with: the test profile's, with the test keys given by file, since test resources are not packaged.
 */
public class PackagedArtifact implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portcullis.jwt.signing-key", key("signing.pem"),
                "portcullis.jwt.previous-keys", key("previous.jwks.json"));
    }

    private static String key(String file) {
        return Path.of("src/test/resources/test-keys", file).toAbsolutePath().toString();
    }
}
