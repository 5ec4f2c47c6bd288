package dev.portcullis.security.lock;

import dev.portcullis.SettingsOfTheirOwn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's first trap — a default changed, and endpoints that never named their classes follow it — caught
 * by the lock test: with {@code AllowAny} as the default permission, every endpoint that kept the default is
 * named as looser, and no other is.
 */
@QuarkusTest
@TestProfile(SettingsOfTheirOwn.class)
class PolicyLockDefaultsTest {

    @Inject
    PolicySnapshot snapshot;

    @Test
    void aLooserDefaultNamesEveryEndpointThatKeptIt() throws IOException {
        List<LockEntry> locked = PolicyLockTest.locked();
        PolicyDiff diff = PolicyDiff.between(locked, PolicyLockTest.applicationEntries(snapshot.entries()));

        PolicyDiff.EntryChange data = diff.changes().stream()
                .filter(change -> change.key().equals("GET /api/data/")).findFirst().orElseThrow();
        assertEquals(List.of(
                new PolicyDiff.FieldChange("permissions", "IsAuthenticated [global default]", "AllowAny [global default]",
                        Severity.LOOSER),
                new PolicyDiff.FieldChange("anonymous", "refused", "allowed", Severity.LOOSER)), data.fields());

        long keptTheDefault = locked.stream()
                .filter(entry -> entry.get(LockEntry.PERMISSIONS).equals("IsAuthenticated [global default]")).count();
        assertTrue(keptTheDefault >= 4, "the lockfile has endpoints on the default");
        assertEquals(keptTheDefault, diff.changes().size(), diff.render("the lockfile"));
        assertTrue(diff.changes().stream().allMatch(change -> change.severity() == Severity.LOOSER), diff.render("the lockfile"));
    }
}
