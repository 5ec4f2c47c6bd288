package dev.portcullis.security.lock;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The policies the service runs with are the ones in the lockfile: a change that loosens (or tightens) an
 * endpoint cannot pass without the lockfile's lines changing in the same diff, in front of the reviewer.
 */
@QuarkusTest
class PolicyLockTest {

    static final Path LOCKFILE = Path.of(PolicyLockFile.SOURCE_PATH);
    static final Path PROPOSED = Path.of("target/policies.lock.proposed");

    @Inject
    PolicySnapshot snapshot;

    /** The application's entries: those of the test suite's own resources and beans are not the service's. */
    static List<LockEntry> applicationEntries(List<LockEntry> all) {
        Set<String> testOnly = simpleNames(Path.of("target/test-classes"));
        testOnly.removeAll(simpleNames(Path.of("target/classes")));
        return all.stream().filter(entry -> !testOnly.contains(viewOf(entry))).toList();
    }

    private static String viewOf(LockEntry entry) {
        return entry.get(LockEntry.VIEW).split(",")[0];
    }

    private static Set<String> simpleNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(name.lastIndexOf('$') + 1, name.length() - ".class".length()))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + classes, e);
        }
    }

    /** The lockfile's entries; none when there is no lockfile yet (every endpoint is then new). */
    static List<LockEntry> locked() throws IOException {
        return Files.exists(LOCKFILE) ? PolicyLockFile.parse(Files.readString(LOCKFILE)) : List.of();
    }

    @Test
    void theRunningPoliciesAreTheLockedOnes() throws IOException {
        List<LockEntry> running = applicationEntries(snapshot.entries());
        PolicyDiff diff = PolicyDiff.between(locked(), running);
        if (!diff.isEmpty()) {
            Files.writeString(PROPOSED, PolicyLockFile.render(running));
            fail(diff.render(LOCKFILE.toString()) + "\nIf these changes are meant, review them and accept them:\n"
                    + "    cp " + PROPOSED + " " + LOCKFILE + "\n"
                    + "(or: java -jar target/quarkus-app/quarkus-run.jar policy-lock --write), and commit the lockfile "
                    + "with the change.");
        }
    }

    /** The test suite's own resources stand for a pull request that adds endpoints without locking them. */
    @Test
    void anEndpointTheLockfileLacksIsANewLooserEndpoint() throws IOException {
        PolicyDiff diff = PolicyDiff.between(locked(), snapshot.entries());

        PolicyDiff.EntryChange invoices = diff.changes().stream()
                .filter(change -> change.key().equals("DELETE /api/invoices/{id}/")).findFirst().orElseThrow();
        assertEquals(Severity.LOOSER, invoices.severity());
        assertEquals("a new endpoint", invoices.what());
        assertEquals("InvoiceViewSet, action destroy", invoices.view());
        assertTrue(diff.changes().stream().allMatch(change -> "a new endpoint".equals(change.what())),
                "only the test suite's endpoints differ:\n" + diff.render("the lockfile"));
        assertTrue(diff.render("the lockfile").contains("""

                LOOSER  DELETE /api/invoices/{id}/ (InvoiceViewSet, action destroy): a new endpoint
                    + view: InvoiceViewSet, action destroy
                    + authentication: TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]
                    + permissions: IsAdminUser [getPermissions]
                """), diff.render("the lockfile"));
        assertTrue(diff.render("the lockfile").contains("""

                LOOSER  CALL StaffReports.describe() (StaffReports, action describe, read-only): a new endpoint
                    + view: StaffReports, action describe, read-only
                    + authentication: TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]
                    + permissions: IsAdminOrOwner [method]
                    + anonymous: allowed
                    + object checks: on parameter 'draft' (IsAdminOrOwner)
                """), diff.render("the lockfile"));
    }

    /** What the file says of a few endpoints, read as a reviewer reads it. */
    /** What a write may link its relations to is recorded for every write, and only for writes; widening is looser. */
    @Test
    void relationsAreRecordedForWrites() {
        java.util.Map<String, String> relations = new java.util.TreeMap<>();
        snapshot.entries().stream().filter(entry -> entry.key().contains("/api/library/")
                && entry.get(LockEntry.RELATIONS) != null).forEach(entry ->
                relations.put(entry.key(), entry.get(LockEntry.RELATIONS)));
        String loans = "copy: what Copies lets the caller retrieve; member: what Members lets the caller retrieve";
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        java.util.Map.of("copies", "book: what Books lets the caller retrieve", "loans", loans,
                "members", "user: any object", "clubs", "members: what Members lets the caller retrieve")
                .forEach((resource, scope) -> {
                    expected.put("POST /api/library/" + resource + "/", scope);
                    expected.put("PUT /api/library/" + resource + "/{id}/", scope);
                    expected.put("PATCH /api/library/" + resource + "/{id}/", scope);
                });
        assertEquals(expected, relations);
        assertEquals(Severity.LOOSER, FieldRules.classify(LockEntry.RELATIONS, loans,
                "copy: any object; member: what Members lets the caller retrieve"));
    }

    /** What an answer may show nested is recorded for every method that answers an object; showing any is looser. */
    @Test
    void nestedRepresentationsAreRecordedForAnswers() {
        java.util.Map<String, String> nested = new java.util.TreeMap<>();
        snapshot.entries().stream().filter(entry -> entry.get(LockEntry.NESTED) != null).forEach(entry ->
                nested.put(entry.key(), entry.get(LockEntry.NESTED)));
        String loans = "book: what Books lets the caller retrieve, shown as it shows it";
        String board = "member: what Members lets the caller retrieve, shown as it shows it; "
                + "any_member: any object, shown as Members shows it";
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        expected.put("GET /api/library/loans/", loans);
        expected.put("GET /api/library/loans/{id}/", loans);
        expected.put("GET /api/examples/loan-board/", board);
        expected.put("GET /api/examples/loan-board/{id}/", board);
        expected.put("POST /api/library/loans/", loans);
        expected.put("PUT /api/library/loans/{id}/", loans);
        expected.put("PATCH /api/library/loans/{id}/", loans);
        assertEquals(expected, nested);
        assertEquals(Severity.LOOSER, FieldRules.classify(LockEntry.NESTED, loans,
                "book: any object, shown as Books shows it"));
    }

    @Test
    void theLockfileSaysWhatEachEndpointEnforces() throws IOException {
        String text = Files.readString(LOCKFILE);
        assertTrue(text.contains("""

                DELETE /api/posts/{id}/
                    view: PostResource, action destroy
                    authentication: TokenAuthentication, JWTAuthentication, SessionAuthentication [global default]
                    permissions: IsAuthenticated, IsAdminOrOwner [getPermissions]
                    anonymous: refused
                    object checks: on the path's object (IsAdminOrOwner)
                    queryset: PostResource.getQueryset — anonymous: o.published = true; user, staff, superuser: o.published = true or o.owner.id = :me (me: the caller's id)
                    csrf: required
                    throttles: AnonRateThrottle, UserRateThrottle
                """), text);
    }
}
