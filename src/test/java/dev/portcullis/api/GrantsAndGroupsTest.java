package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Grants and groups are a superuser's: a staff user cannot grant itself (or anyone) a view of what it may not see,
 * nor make or join a group that holds one. Each row acts on a document only its owner may view; a refusal leaves
 * the staff user unable to see it.
 */
@QuarkusTest
class GrantsAndGroupsTest {

    private static final String DENIED = "{\"detail\":\"You do not have permission to perform this action.\"}";

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "staff    |POST  |grants          |403",
            "staff    |DELETE|grants          |403",
            "staff    |POST  |groups          |403",
            "staff    |GET   |groups          |403",
            "staff    |POST  |group-members   |403",
            "superuser|POST  |grants          |201",
            "superuser|POST  |groups          |201",
            "superuser|POST  |group-members   |201",
    })
    void onlyASuperuserGrants(String actor, String method, String what, int status) {
        String run = Api.unique("grants");
        String owner = "owner-" + run;
        String staff = "staff-" + run;
        long document = Api.documentsOf(owner, List.of("owner's only")).get(0);
        String staffToken = Api.token(staff, true, false, true);
        String token = actor.equals("staff") ? staffToken : Api.adminToken();
        Api.group("group-" + run, owner);
        Map<String, Object> body = switch (what) {
            case "grants" -> Api.objectGrant("username", staff, "view_document", "document", document);
            case "groups" -> Map.of("name", "new-" + run, "members", List.of(staff));
            default -> Map.of("username", staff);
        };
        String path = switch (what) {
            case "grants" -> "/api/admin/grants/";
            case "groups" -> "/api/admin/groups/";
            default -> "/api/admin/groups/group-" + run + "/members/";
        };
        Response response = Api.withToken(token).contentType(ContentType.JSON).body(body).request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        if (status == 403) {
            assertEquals(DENIED, response.asString());
            assertEquals(404, Api.withToken(staffToken).get("/api/documents/" + document + "/").statusCode(),
                    "the refused staff user still cannot see the document");
        }
    }
}
