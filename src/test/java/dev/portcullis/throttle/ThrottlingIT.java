package dev.portcullis.throttle;

import dev.portcullis.api.PackagedArtifact;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Order;

import java.util.Map;

/**
 * The same tests against the packaged artifact, with the same rates and trusted proxy: the artifact started with
 * settings of its own, after the suites that share theirs.
 */
@QuarkusIntegrationTest
@Order(Integer.MAX_VALUE)
@TestProfile(ThrottlingIT.PackagedRates.class)
class ThrottlingIT extends ThrottlingTest {

    public static class PackagedRates extends PackagedArtifact {
        @Override
        protected Map<String, String> extraSettings() {
            return new Rates().getConfigOverrides();
        }
    }
}
