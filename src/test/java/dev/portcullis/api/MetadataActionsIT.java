package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests against the packaged artifact. */
@QuarkusIntegrationTest
@TestProfile(PackagedArtifact.class)
class MetadataActionsIT extends MetadataActionsTest {
}
