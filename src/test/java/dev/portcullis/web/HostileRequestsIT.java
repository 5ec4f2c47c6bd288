package dev.portcullis.web;

import dev.portcullis.api.PackagedArtifact;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The same tests against the packaged artifact, with a quarter as many generated requests: other ones than the
 * JVM run's (the next seed).
 */
@QuarkusIntegrationTest
@TestProfile(PackagedArtifact.class)
class HostileRequestsIT extends HostileRequestsTest {

    @Override
    protected int generated() {
        return 500;
    }

    @Override
    protected long seed() {
        return super.seed() + 1;
    }
}
