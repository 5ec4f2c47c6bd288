package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Identified;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.testing.PermissionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DRF's DjangoModelPermissions, ...OrAnonReadOnly and DjangoObjectPermissions over a backend held in memory. */
class ModelAndObjectPermissionClassesTest {

    private static final Identified DOCUMENT = () -> 42L;
    private static final Caller SUPERUSER = new Caller(9L, "root", true, true, Map.of());

    /** Grants in memory, counting how often it is asked. */
    private static final class Backend implements PermissionBackend {
        final Set<String> model;
        final Set<String> object;
        int lookups;

        Backend(String model, String object) {
            this.model = codenames(model);
            this.object = codenames(object);
        }

        private static Set<String> codenames(String list) {
            return list == null ? Set.of() : Arrays.stream(list.split(" ")).collect(Collectors.toSet());
        }

        @Override
        public Set<String> modelPermissions(Caller user) {
            lookups++;
            return model;
        }

        @Override
        public Set<String> objectPermissions(Caller user, String model, Long objectId) {
            lookups++;
            return objectId == 42L ? object : Set.of();
        }

        @Override
        public QueryRestriction objectsWith(Caller user, String model, String codename) {
            return QueryRestriction.of("o.id in (:granted)", Map.of("granted", object.contains(codename) ? 42L : -1L));
        }
    }

    private static <P extends ModelPermissions> P with(P permission, Backend backend) {
        return permission.usingGrantsOf(backend);
    }

    private static AccessRequest request(String user, String method) {
        Caller caller = switch (user) {
            case "anonymous" -> Caller.ANONYMOUS;
            case "superuser" -> SUPERUSER;
            case "staff" -> Requests.STAFF;
            default -> Requests.ALICE;
        };
        return PermissionRequest.of(method, caller).action("action").model("note").build();
    }

    @ParameterizedTest(name = "{0}: {1} {2} holding [{3}] -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ModelPermissions              |anonymous|GET    |-                     |false",
            "ModelPermissions              |alice    |GET    |-                     |true",
            "ModelPermissions              |alice    |HEAD   |-                     |true",
            "ModelPermissions              |alice    |OPTIONS|-                     |true",
            "ModelPermissions              |alice    |POST   |-                     |false",
            "ModelPermissions              |alice    |POST   |add_note              |true",
            "ModelPermissions              |alice    |POST   |change_note delete_note|false",
            "ModelPermissions              |alice    |PUT    |change_note           |true",
            "ModelPermissions              |alice    |PATCH  |change_note           |true",
            "ModelPermissions              |alice    |PATCH  |add_note              |false",
            "ModelPermissions              |alice    |DELETE |delete_note           |true",
            "ModelPermissions              |alice    |DELETE |delete_document       |false",
            "ModelPermissions              |staff    |POST   |-                     |false",
            "ModelPermissions              |superuser|DELETE |-                     |true",
            "ModelPermissionsOrAnonReadOnly|anonymous|GET    |-                     |true",
            "ModelPermissionsOrAnonReadOnly|anonymous|OPTIONS|-                     |true",
            "ModelPermissionsOrAnonReadOnly|anonymous|POST   |-                     |false",
            "ModelPermissionsOrAnonReadOnly|alice    |POST   |add_note              |true",
            "ObjectPermissions             |anonymous|GET    |-                     |false",
            "ObjectPermissions             |alice    |GET    |-                     |true",
            "ObjectPermissions             |alice    |PUT    |-                     |false",
            "ObjectPermissions             |alice    |PUT    |change_note           |true",
    })
    void requestLevel(String name, String user, String method, String held, boolean allowed) {
        ModelPermissions permission = switch (name) {
            case "ModelPermissions" -> new ModelPermissions();
            case "ModelPermissionsOrAnonReadOnly" -> new ModelPermissionsOrAnonReadOnly();
            default -> new ObjectPermissions();
        };
        Backend backend = new Backend(held, null);
        assertEquals(allowed, Evaluation.check(with(permission, backend), request(user, method)).allowed());
        assertTrue(backend.lookups <= 1);
    }

    @ParameterizedTest(name = "ObjectPermissions: {0} holding [{1}] on the object -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET    |-                          |404",
            "GET    |change_note                |404",
            "GET    |view_note                  |allow",
            "HEAD   |view_note                  |allow",
            "PUT    |-                          |404",
            "PUT    |view_note                  |deny",
            "PUT    |change_note                |allow",
            "PATCH  |view_note delete_note      |deny",
            "PATCH  |change_note                |allow",
            "DELETE |view_note change_note      |deny",
            "DELETE |delete_note                |allow",
            "DELETE |change_note                |404",
    })
    void objectLevel(String method, String held, String verdict) {
        Backend backend = new Backend(null, held);
        ObjectPermissions permission = with(new ObjectPermissions(), backend);
        AccessRequest request = request("alice", method);
        if (verdict.equals("404")) {
            ApiException hidden = assertThrows(ApiException.class, () -> Evaluation.checkObject(permission, request, DOCUMENT));
            assertEquals(404, hidden.status());
        } else {
            assertEquals(verdict.equals("allow"), Evaluation.checkObject(permission, request, DOCUMENT).allowed());
        }
        assertEquals(1, backend.lookups, "the object's grants are looked up once per request");
    }

    @Test
    void superusersHoldEveryObjectPermissionWithoutALookup() {
        Backend backend = new Backend(null, null);
        ObjectPermissions permission = with(new ObjectPermissions(), backend);
        assertTrue(Evaluation.checkObject(permission, request("superuser", "DELETE"), DOCUMENT).allowed());
        assertSame(QueryRestriction.NONE, Evaluation.listRestriction(permission, request("superuser", "GET")));
        assertEquals(0, backend.lookups);
    }

    @Test
    void aCompositionAsksTheBackendOncePerRequest() {
        Backend backend = new Backend("change_note", "change_note");
        ObjectPermissions objects = with(new ObjectPermissions(), backend);
        Permission twice = objects.and(objects).or(new IsAdminUser());
        AccessRequest request = request("alice", "PUT");
        assertTrue(Evaluation.check(twice, request).allowed());
        assertTrue(Evaluation.checkObject(twice, request, DOCUMENT).allowed());
        assertEquals(2, backend.lookups);
    }

    @Test
    void aMethodOutsideThePermissionMapIsMethodNotAllowed() {
        ModelPermissions permission = with(new ModelPermissions(), new Backend(null, null));
        ApiException refused = assertThrows(ApiException.class, () -> permission.hasPermission(request("alice", "TRACE")));
        assertEquals(405, refused.status());
        assertEquals("Method \"TRACE\" not allowed.", refused.detail());
        assertFalse(permission.hasPermission(request("anonymous", "TRACE")));
    }

    @ParameterizedTest(name = "list restriction of {0} for {1}")
    @CsvSource(delimiter = ';', value = {
            "ObjectPermissions               ;alice    ;o.id in (:granted)",
            "ObjectPermissions               ;anonymous;1 = 0",
            "ObjectPermissions | IsAdminUser ;alice    ;o.id in (:granted)",
            "ObjectPermissions | IsAdminUser ;staff    ;1 = 1",
            "ObjectPermissions & IsAdminUser ;staff    ;o.id in (:granted)",
            "~ObjectPermissions              ;alice    ;not (o.id in (:granted))",
            "IsAuthenticated                 ;alice    ;1 = 1",
            "~IsAuthenticated                ;alice    ;1 = 0",
    })
    void listRestrictions(String expression, String user, String jpql) {
        ObjectPermissions objects = with(new ObjectPermissions(), new Backend(null, "view_note"));
        Permission permission = Requests.parse(expression.strip(), Map.of("ObjectPermissions", objects,
                "IsAdminUser", new IsAdminUser(), "IsAuthenticated", new IsAuthenticated()));
        assertEquals(jpql, Evaluation.listRestriction(permission, request(user, "GET")).jpql());
    }

    @Test
    void restrictionsRefuseOneParameterBoundToTwoValues() {
        QueryRestriction mine = QueryRestriction.of("o.owner.id = :me", Map.of("me", 1L));
        assertEquals("(o.owner.id = :me) and (o.published = true or o.owner.id = :me)",
                mine.and(QueryRestriction.of("o.published = true or o.owner.id = :me", Map.of("me", 1L))).jpql());
        assertThrows(IllegalStateException.class, () -> mine.or(QueryRestriction.of("o.id = :me", Map.of("me", 2L))));
    }
}
