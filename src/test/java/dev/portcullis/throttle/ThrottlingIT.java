package dev.portcullis.throttle;

import dev.portcullis.api.PackagedArtifact;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/** The same tests against the packaged artifact, with the same rates and trusted proxy. */
@QuarkusIntegrationTest
@TestProfile(ThrottlingIT.PackagedRates.class)
class ThrottlingIT extends ThrottlingTest {

    public static class PackagedRates extends PackagedArtifact {
        @Override
        protected Map<String, String> extraSettings() {
            return new Rates().getConfigOverrides();
        }
    }
}
