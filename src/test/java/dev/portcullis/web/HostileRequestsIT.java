package dev.portcullis.web;

import dev.portcullis.api.PackagedArtifact;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests against the packaged artifact. */
@QuarkusIntegrationTest
@TestProfile(PackagedArtifact.class)
class HostileRequestsIT extends HostileRequestsTest {
}
