package dev.portcullis.examples.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.api.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nested representation shows a related object only as far as the caller could retrieve it from the viewset that
 * shows it ({@code null} otherwise), unless it is declared to show any object — on a list, on a retrieve, and on a
 * list long enough to be read through a cursor. {@code LoanBoard} shows every loan of a branch to every signed-in
 * user; the members' viewset shows a member to the member and to the branch's librarians only.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedFieldsTest {

    private static final String RUN = Api.unique("nest");
    private static final String BRANCH = "nest-" + RUN;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** Names of users (librarian, member1, member2, outsider) and of objects (loan1, loan2, …) to their ids. */
    private final Map<String, String> ids = new HashMap<>();

    /** Once, before the first test (with the service up, which it is not yet when {@code @BeforeAll} runs). */
    @BeforeEach
    void aBranchWithTwoLoans() {
        if (!ids.isEmpty()) {
            return;
        }
        String staff = Api.token("nest-staff-" + RUN, true, false, true);
        for (String user : new String[]{"librarian", "member1", "member2", "outsider"}) {
            Api.token(user + "-" + RUN);
        }
        LibraryTest.librarian("librarian-" + RUN);
        ids.put("librarian", create(staff, "members", Map.of("user", "librarian-" + RUN, "branch", BRANCH)));
        String librarian = Api.token("librarian-" + RUN);
        ids.put("member1", create(librarian, "members", Map.of("user", "member1-" + RUN, "branch", BRANCH)));
        ids.put("member2", create(librarian, "members", Map.of("user", "member2-" + RUN, "branch", BRANCH)));
        String book = create(librarian, "books", Map.of("title", "Nested", "author", "N", "isbn", RUN.substring(RUN.length() - 8) + "77"));
        for (int loan = 1; loan <= 2; loan++) {
            String copy = create(librarian, "copies", Map.of("book", Long.parseLong(book), "branch", BRANCH));
            ids.put("loan" + loan, create(librarian, "loans", Map.of("copy", Long.parseLong(copy),
                    "member", Long.parseLong(ids.get("member" + loan)), "due", "2027-01-0" + loan)));
        }
    }

    /** Whose loan, as whom: the member nested as the members' viewset would show it to the caller, and as any. */
    @ParameterizedTest(name = "{0} looks at {1}")
    @CsvSource(delimiter = '|', value = {
            "member1  |loan1|member1|member1",
            "member1  |loan2|       |member2",
            "member2  |loan1|       |member1",
            "librarian|loan1|member1|member1",
            "librarian|loan2|member2|member2",
            "outsider |loan2|       |member2",
    })
    void aNestedMemberIsShownOnlyToWhoeverMaySeeIt(String caller, String loan, String shown, String anyShown)
            throws Exception {
        String token = Api.token(caller + "-" + RUN);
        Response retrieved = Api.withToken(token).get("/api/examples/loan-board/" + ids.get(loan) + "/");
        assertEquals(200, retrieved.statusCode(), retrieved.asString());
        assertEquals("application/json", retrieved.contentType());
        JsonNode listed = null;
        for (JsonNode item : list(token)) {
            if (item.get("id").asText().equals(ids.get(loan))) {
                listed = item;
            }
        }
        for (JsonNode answer : new JsonNode[]{JSON.readTree(retrieved.asString()), listed}) {
            assertEquals(expected(loan, shown, anyShown), answer, caller + " on " + loan);
        }
    }

    /** More loans than one fetch holds: the list is read through a cursor, and each chunk nests as a page does. */
    @Test
    void aListReadThroughACursorNestsEveryLoan() throws Exception {
        int returned = 600;
        try (Connection connection = dataSource.getConnection(); PreparedStatement loans = connection.prepareStatement(
                "INSERT INTO library_loans (id, copy_id, member_id, due, returned) SELECT nextval('library_loans_seq'), "
                        + "copy_id, ?, due, true FROM library_loans, generate_series(1, ?) WHERE id = ?")) {
            loans.setLong(1, Long.parseLong(ids.get("member2")));
            loans.setInt(2, returned);
            loans.setLong(3, Long.parseLong(ids.get("loan1")));
            assertEquals(returned, loans.executeUpdate());
        }
        try {
            JsonNode list = list(Api.token("member1-" + RUN));
            assertEquals(returned + 2, list.size());
            int shown = 0;
            for (JsonNode loan : list) {
                String member = loan.get("id").asText().equals(ids.get("loan1")) ? "member1" : "member2";
                assertEquals(representation(member), loan.get("any_member"), loan.toString());
                if (!loan.get("member").isNull()) {
                    assertEquals(representation("member1"), loan.get("member"));
                    shown++;
                }
            }
            assertEquals(1, shown);
        } finally {
            try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM library_loans WHERE member_id = ? AND returned")) {
                delete.setLong(1, Long.parseLong(ids.get("member2")));
                delete.executeUpdate();
            }
        }
    }

    private JsonNode list(String token) throws Exception {
        Response listed = Api.withToken(token).get("/api/examples/loan-board/?member__branch=" + BRANCH);
        assertEquals(200, listed.statusCode(), listed.asString());
        assertEquals("application/json", listed.contentType());
        JsonNode list = JSON.readTree(listed.asString());
        assertTrue(list.isArray(), listed.asString());
        return list;
    }

    private JsonNode expected(String loan, String shown, String anyShown) {
        Map<String, Object> loanShown = new java.util.LinkedHashMap<>();
        loanShown.put("id", Long.parseLong(ids.get(loan)));
        loanShown.put("member", shown == null ? null : representation(shown));
        loanShown.put("any_member", representation(anyShown));
        loanShown.put("due", "2027-01-0" + loan.substring(4));
        return tree(loanShown);
    }

    private JsonNode representation(String member) {
        return tree(Map.of("id", Long.parseLong(ids.get(member)), "user", member + "-" + RUN, "branch", BRANCH));
    }

    /** As the answer is read (numbers as the smallest type that holds them). */
    private static JsonNode tree(Map<String, Object> object) {
        try {
            return JSON.readTree(JSON.writeValueAsString(object));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String create(String token, String resource, Map<String, Object> body) {
        Response created = Api.withToken(token).contentType(ContentType.JSON).body(body)
                .post("/api/library/" + resource + "/");
        assertEquals(201, created.statusCode(), resource + " " + body + " -> " + created.asString());
        return created.jsonPath().getString("id");
    }
}
