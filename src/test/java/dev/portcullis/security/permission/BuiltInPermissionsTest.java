package dev.portcullis.security.permission;

import dev.portcullis.security.testing.PermissionRequest;
import dev.portcullis.security.testing.TestCallers;
import dev.portcullis.security.testing.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.portcullis.security.permission.Requests.as;
import static dev.portcullis.security.permission.Requests.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltInPermissionsTest {

    private static final Map<String, Permission> BUILT_INS = Map.of(
            "AllowAny", new AllowAny(),
            "IsAuthenticated", new IsAuthenticated(),
            "IsAdminUser", new IsAdminUser(),
            "IsAuthenticatedOrReadOnly", new IsAuthenticatedOrReadOnly());

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @CsvSource({
            "AllowAny,                  anonymous, GET,     true",
            "AllowAny,                  anonymous, DELETE,  true",
            "AllowAny,                  alice,     POST,    true",
            "IsAuthenticated,           anonymous, GET,     false",
            "IsAuthenticated,           anonymous, OPTIONS, false",
            "IsAuthenticated,           alice,     GET,     true",
            "IsAuthenticated,           alice,     DELETE,  true",
            "IsAdminUser,               anonymous, GET,     false",
            "IsAdminUser,               alice,     GET,     false",
            "IsAdminUser,               staff,     DELETE,  true",
            "IsAuthenticatedOrReadOnly, anonymous, GET,     true",
            "IsAuthenticatedOrReadOnly, anonymous, HEAD,    true",
            "IsAuthenticatedOrReadOnly, anonymous, OPTIONS, true",
            "IsAuthenticatedOrReadOnly, anonymous, POST,    false",
            "IsAuthenticatedOrReadOnly, anonymous, PUT,     false",
            "IsAuthenticatedOrReadOnly, anonymous, PATCH,   false",
            "IsAuthenticatedOrReadOnly, anonymous, DELETE,  false",
            "IsAuthenticatedOrReadOnly, alice,     POST,    true",
    })
    void requestLevel(String permission, String user, String method, boolean allowed) {
        Verdict verdict = PermissionRequest.of(method, named(user)).check(BUILT_INS.get(permission));
        if (allowed) {
            verdict.assertAllowed();
        } else {
            verdict.assertDenied("You do not have permission to perform this action.");
            assertEquals(permission, verdict.deniedBy());
        }
        assertEquals(permission, verdict.decision().permission());
    }

    @ParameterizedTest(name = "{0} allows every object, as DRF's BasePermission")
    @CsvSource({"AllowAny", "IsAuthenticated", "IsAdminUser", "IsAuthenticatedOrReadOnly"})
    void objectLevelDefaultsToAllow(String permission) {
        assertTrue(Evaluation.checkObject(BUILT_INS.get(permission), as(Requests.ANONYMOUS, "DELETE"), new Object()).allowed());
        assertTrue(Evaluation.checkObject(BUILT_INS.get(permission), as(TestCallers.user("someone"), "DELETE"), new Object()).allowed());
    }
}
