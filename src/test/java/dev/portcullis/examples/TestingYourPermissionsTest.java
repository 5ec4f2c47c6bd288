package dev.portcullis.examples;

import dev.portcullis.api.permissions.IsOwnerOrReadOnly;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Identified;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.guard.AccessExplainer;
import dev.portcullis.security.guard.AccessExplanation;
import dev.portcullis.security.permission.ObjectPermissions;
import dev.portcullis.security.testing.InMemoryGrants;
import dev.portcullis.security.testing.PermissionRequest;
import dev.portcullis.security.testing.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The README's "Testing your permissions": one class with no HTTP, then an endpoint's whole policy. */
@QuarkusTest
class TestingYourPermissionsTest {

    private final Caller alice = TestCallers.user("alice");
    private final Caller bob = TestCallers.user("bob");
    private final Owned alicesPost = alice::id;

    @Test
    void oneClassNoHttp() {
        IsOwnerOrReadOnly ownerOrReadOnly = new IsOwnerOrReadOnly();
        PermissionRequest.of("GET", bob).action("retrieve").checkObject(ownerOrReadOnly, alicesPost).assertAllowed();
        PermissionRequest.of("PATCH", alice).action("partial_update").checkObject(ownerOrReadOnly, alicesPost).assertAllowed();
        PermissionRequest.of("PATCH", bob).action("partial_update").checkObject(ownerOrReadOnly, alicesPost)
                .assertDenied("You do not have permission to perform this action.");
    }

    @Test
    void modelAndObjectGrantsInMemory() {
        InMemoryGrants grants = new InMemoryGrants().model(alice, "change_document")
                .object(alice, "document", 42, "view_document", "change_document");
        ObjectPermissions objects = new ObjectPermissions().usingGrantsOf(grants);
        Identified document = () -> 42L;
        PermissionRequest.of("PUT", alice).model("document").checkObject(objects, document).assertAllowed();
        PermissionRequest.of("PUT", bob).model("document").checkObject(objects, document)
                .assertDenied("You do not have permission to perform this action.");
    }

    @Inject
    AccessExplainer explainer;

    @Test
    void anEndpointsWholePolicy() {
        AccessExplanation staffDeletes = explainer.explain(TestCallers.staff("mod"), "DELETE", "/api/posts/7/", alicesPost);
        assertEquals(200, staffDeletes.status());
        AccessExplanation bobDeletes = explainer.explain(bob, "DELETE", "/api/posts/7/", alicesPost);
        assertFalse(bobDeletes.allowed());
        assertEquals(403, bobDeletes.status());
        assertEquals("IsAdminOrOwner", bobDeletes.permissions().get(bobDeletes.permissions().size() - 1).permission());
        AccessExplanation anonymous = explainer.explain(TestCallers.anonymous(), "PATCH", "/api/posts/7/", alicesPost);
        assertEquals(401, anonymous.status());
        assertEquals("Authentication credentials were not provided.", anonymous.detail());
    }
}
