package dev.portcullis.security.lock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How each kind of change to a policy is classified, from the lockfile's value to the running one. */
class PolicyDiffTest {

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(delimiter = ';', textBlock = """
            permissions;    IsAdminUser [method];                         IsAuthenticated [method];                     LOOSER
            permissions;    IsAuthenticated, IsOwnerOrReadOnly [getPermissions]; IsAuthenticated [getPermissions];       LOOSER
            permissions;    IsAuthenticated [global default];             AllowAny [method];                            LOOSER
            permissions;    IsAuthenticated [global default];             none [method];                                LOOSER
            permissions;    IsAdminUser [method];                         (IsAdminUser | IsOwner) [method];             LOOSER
            permissions;    ModelPermissionsOrAnonReadOnly [resource];    IsAuthenticatedOrReadOnly [resource];         LOOSER
            permissions;    IsAuthenticated [resource];                   IsAdminUser [resource];                       TIGHTER
            permissions;    none [method];                                IsAuthenticated [method];                     TIGHTER
            permissions;    (IsAdminUser | IsOwner) [method];             IsAdminUser [method];                         TIGHTER
            permissions;    ModelPermissions [resource];                  ObjectPermissions [resource];                 TIGHTER
            permissions;    IsAuthenticated [resource];                   IsAuthenticated, IsVerifiedUser [resource];   TIGHTER
            permissions;    ~IsAdminUser [method];                        ~IsAuthenticated [method];                    TIGHTER
            permissions;    IsAuthenticated [resource];                   IsAuthenticated [method];                     CHANGED
            permissions;    IsOwner [method];                             IsEditor [method];                            CHANGED
            permissions;    IsAuthenticated [method];                     IsAuthenticated, AllowAny [method];           CHANGED
            permissions;    IsAdminUser [method];                         ModelPermissions [method];                    CHANGED
            authentication; TokenAuthentication [global default];        TokenAuthentication, BasicAuthentication [method]; LOOSER
            authentication; TokenAuthentication [method];                 BasicAuthentication [method];                 LOOSER
            authentication; TokenAuthentication, JwtAuthentication [resource]; JwtAuthentication [resource];          TIGHTER
            authentication; TokenAuthentication [resource];               none [method];                                TIGHTER
            authentication; TokenAuthentication, JwtAuthentication [resource]; JwtAuthentication, TokenAuthentication [resource]; CHANGED
            anonymous;      refused;                                      allowed;                                      LOOSER
            anonymous;      allowed;                                      refused;                                      TIGHTER
            anonymous;      refused;                                      unknown;                                      CHANGED
            object checks;  on the path's object (IsOwner);               skipped: @NoObject (IsOwner);                 LOOSER
            object checks;  filter the list (IsOwner);                    none;                                         LOOSER
            object checks;  none;                                         on the path's object (IsOwner);               TIGHTER
            object checks;  on the path's object (IsOwner);               on the path's object (IsEditor);              CHANGED
            queryset;       PostResource.getQueryset;                     all objects;                                  LOOSER
            queryset;       all objects;                                  PostResource.getQueryset;                     TIGHTER
            queryset;       PostResource.getQueryset;                     PostViews.getQueryset;                        CHANGED
            csrf;           required;                                     exempt;                                       LOOSER
            csrf;           required, trusted origin required;            required;                                     LOOSER
            csrf;           required;                                     required, trusted origin required;            TIGHTER
            throttles;      AnonRateThrottle, UserRateThrottle, LoginRateThrottle; AnonRateThrottle, UserRateThrottle;  LOOSER
            throttles;      AnonRateThrottle, UserRateThrottle;           AnonRateThrottle, UserRateThrottle, LoginRateThrottle; TIGHTER
            view;           PostResource, action destroy;                 PostViews, action destroy;                    CHANGED
            """)
    void eachFieldChangeIsClassified(String field, String before, String after, Severity expected) {
        assertEquals(expected, FieldRules.classify(field, before, after));
    }

    private static LockEntry entry(String key, String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new LockEntry(key, fields);
    }

    @Test
    void entriesAreComparedByKeyAndTheGravestFieldNamesTheEntry() {
        List<LockEntry> locked = List.of(
                entry("GET /api/0/", "view", "Zero, action list", "permissions", "IsAuthenticated [resource]"),
                entry("GET /api/a/", "view", "A, action list", "permissions", "IsAdminUser [resource]"),
                entry("DELETE /api/a/{id}/", "view", "A, action destroy", "permissions", "IsAuthenticated [resource]",
                        "csrf", "required"),
                entry("GET /api/gone/", "view", "Gone, action list", "permissions", "IsAuthenticated [resource]"));
        List<LockEntry> running = List.of(
                entry("GET /api/0/", "view", "Zero, action list", "permissions", "IsAdminUser [resource]"),
                entry("GET /api/a/", "view", "A, action list", "permissions", "IsAuthenticated [resource]"),
                entry("DELETE /api/a/{id}/", "view", "A, action destroy", "permissions", "IsAdminUser [resource]",
                        "csrf", "exempt"),
                entry("GET /api/new/", "view", "New, action list", "permissions", "AllowAny [method]"));

        PolicyDiff diff = PolicyDiff.between(locked, running);

        assertEquals("""
                The running policies differ from policies.lock at 5 endpoint(s): 3 looser, 0 changed, 2 tighter.

                LOOSER  GET /api/a/ (A, action list)
                    permissions (looser)
                        - IsAdminUser [resource]
                        + IsAuthenticated [resource]

                LOOSER  DELETE /api/a/{id}/ (A, action destroy)
                    permissions (tighter)
                        - IsAuthenticated [resource]
                        + IsAdminUser [resource]
                    csrf (looser)
                        - required
                        + exempt

                LOOSER  GET /api/new/ (New, action list): a new endpoint
                    + view: New, action list
                    + permissions: AllowAny [method]

                TIGHTER  GET /api/0/ (Zero, action list)
                    permissions (tighter)
                        - IsAuthenticated [resource]
                        + IsAdminUser [resource]

                TIGHTER  GET /api/gone/ (Gone, action list): no longer served
                """, diff.render("policies.lock"));
        assertFalse(diff.isEmpty());
        assertTrue(PolicyDiff.between(running, running).isEmpty());
        assertEquals("The running policies match policies.lock.\n", PolicyDiff.between(running, running).render("policies.lock"));
    }

    @Test
    void theFileReadsBackAsItWasWritten() {
        List<LockEntry> entries = List.of(
                entry("GET /api/a/", "view", "A, action list", "permissions", "IsAdminUser [resource]"),
                entry("CALL Reports.monthly()", "view", "Reports, action monthly, read-only", "object checks", "none"));
        assertEquals(entries, PolicyLockFile.parse(PolicyLockFile.render(entries)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            a field before any endpoint;   '    view: A';                                   line 1: expected an endpoint
            an unknown field;              'GET /a/\\n    colour: red';                      line 2: expected an endpoint, or an indented field
            a field without a value;       'GET /a/\\n    view';                             line 2: expected an endpoint
            a field given twice;           'GET /a/\\n    view: A\\n    view: B';             line 3: 'view' is given twice for GET /a/
            not an endpoint;               '<?xml version="1.0"?>';                        line 1: expected an endpoint such as 'GET /api/posts/'
            an endpoint listed twice;      'GET /a/\\n    view: A\\n\\nGET /a/';             line 4: 'GET /a/' is listed twice
            """)
    void aFileThatCannotBeReadIsRefusedWithItsLine(String what, String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyLockFile.parse(text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
