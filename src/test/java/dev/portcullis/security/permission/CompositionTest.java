package dev.portcullis.security.permission;

import dev.portcullis.api.permissions.IsOwnerOrReadOnly;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Owned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.portcullis.security.permission.Requests.ALICE;
import static dev.portcullis.security.permission.Requests.as;
import static dev.portcullis.security.permission.Requests.named;
import static dev.portcullis.security.permission.Requests.ownedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CompositionTest {

    /** Request: anyone. Object: its owner only. */
    static class IsObjectOwner implements ObjectPermission {
        @Override
        public boolean hasObjectPermission(AccessRequest request, Object object) {
            return object instanceof Owned owned && owned.isOwnedBy(request.user());
        }
    }

    /** Only verified users, with a message of its own. */
    static class Verified implements Permission {
        @Override
        public boolean hasPermission(AccessRequest request) {
            return request.user().flag("email_verified");
        }

        @Override
        public String message() {
            return "Please verify your email address before accessing this resource.";
        }

        @Override
        public String code() {
            return "unverified";
        }
    }

    private static final Map<String, Permission> CLASSES = Map.of(
            "IsAuthenticated", new IsAuthenticated(),
            "IsAdminUser", new IsAdminUser(),
            "AllowAny", new AllowAny(),
            "IsObjectOwner", new IsObjectOwner(),
            "OwnerOrReadOnly", new IsOwnerOrReadOnly(),
            "Verified", new Verified());

    private static Permission parse(String expression) {
        return Requests.parse(expression, CLASSES);
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @CsvSource({
            "IsAuthenticated & Verified,    alice,     GET, false",
            "IsAuthenticated & Verified,    verified,  GET, true",
            "IsAuthenticated & Verified,    anonymous, GET, false",
            "IsAdminUser | Verified,        staff,     GET, true",
            "IsAdminUser | Verified,        verified,  GET, true",
            "IsAdminUser | Verified,        alice,     GET, false",
            "~IsAdminUser,                  alice,     GET, true",
            "~IsAdminUser,                  staff,     GET, false",
            "not IsAdminUser and IsAuthenticated, alice, GET, true",
            "not IsAdminUser and IsAuthenticated, anonymous, GET, false",
            "IsAdminUser | IsAuthenticated & Verified, alice, GET, false",
            "IsAdminUser | IsAuthenticated & Verified, verified, GET, true",
            "(IsAdminUser | IsAuthenticated) & Verified, staff, GET, false",
            "~(IsAdminUser | Verified),     alice,     GET, true",
            "~~IsAdminUser,                 staff,     GET, true",
    })
    void requestLevel(String expression, String user, String method, boolean allowed) {
        Permission permission = parse(expression);
        assertEquals(allowed, permission.hasPermission(as(named(user), method)));
        assertEquals(allowed, Evaluation.check(permission, as(named(user), method)).allowed());
    }

    @ParameterizedTest(name = "{0}: {1} {2} on alice's object -> {3}")
    @CsvSource({
            // DRF 3.14: (A allows the request and the object) or (B allows the request and the object)
            "IsAdminUser | OwnerOrReadOnly, staff,     PUT, true",
            "IsAdminUser | OwnerOrReadOnly, alice,     PUT, true",
            "IsAdminUser | OwnerOrReadOnly, bob,       PUT, false",
            "IsAdminUser | OwnerOrReadOnly, bob,       GET, true",
            "IsAdminUser | OwnerOrReadOnly, anonymous, GET, true",
            // The trap: IsAdminUser's object check allows by default, but its request check denies bob
            "IsAdminUser | IsObjectOwner,   bob,       PUT, false",
            "IsAdminUser | IsObjectOwner,   alice,     PUT, true",
            "IsAdminUser | IsObjectOwner,   staff,     PUT, true",
            "IsAuthenticated & IsObjectOwner, alice,   PUT, true",
            "IsAuthenticated & IsObjectOwner, bob,     PUT, false",
            // As in DRF, ~A negates A's object check, which allows by default
            "~IsAdminUser,                  alice,     GET, false",
            "~IsObjectOwner,                bob,       GET, true",
            "~IsObjectOwner,                alice,     GET, false",
    })
    void objectLevel(String expression, String user, String method, boolean allowed) {
        Permission permission = parse(expression);
        Owned alicesObject = ownedBy(ALICE);
        assertEquals(allowed, Evaluation.checkObject(permission, as(named(user), method), alicesObject).allowed());
    }

    @ParameterizedTest(name = "{0} denied for {1}: message {2}")
    @CsvSource(value = {
            "IsAuthenticated & Verified | IsAdminUser; alice; Please verify your email address before accessing this resource.; unverified",
            "IsAdminUser | Verified; alice; Please verify your email address before accessing this resource.; unverified",
            "IsAuthenticated & IsAdminUser; alice; ; ",
            "~IsAuthenticated; alice; ; ",
    }, delimiter = ';')
    void aDeniedCompositeReportsTheMessageOfTheClassThatDenied(String expression, String user, String message,
                                                                String code) {
        Decision denier = Evaluation.check(parse(expression), as(named(user), "GET")).denier();
        assertEquals(message, denier.message());
        assertEquals(code, denier.code());
    }

    @Test
    void aCompositeClassReportsItsPartsAndItsOwnName() {
        CompositePermission composite = new CompositePermission() {
            @Override
            protected Permission composition() {
                return new IsAuthenticated().and(new Verified());
            }

            @Override
            public String name() {
                return "VerifiedAndAuthenticated";
            }
        };
        Decision decision = Evaluation.check(composite, as(ALICE, "GET"));
        assertEquals("VerifiedAndAuthenticated", decision.permission());
        assertEquals("Please verify your email address before accessing this resource.", decision.denier().message());
        assertNull(Evaluation.check(composite, as(Requests.VERIFIED, "GET")).denier().message());
    }
}
