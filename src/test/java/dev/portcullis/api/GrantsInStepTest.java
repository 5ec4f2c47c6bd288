package dev.portcullis.api;

import dev.portcullis.accounts.Grants;
import dev.portcullis.security.core.ValidationError;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The database keeps the grants of documents in step with the documents, whatever writes them — so that a page of
 * documents can be counted and read from the grants alone. Each row writes SQL straight to the database against the
 * first of an owner's two documents ({@code ?} is its id), then reads the owner's page: its count (the owner's grants
 * as the database counted them) and its documents.
 */
@QuarkusTest
class GrantsInStepTest {

    @Inject
    AgroalDataSource database;

    @Inject
    Grants grants;

    /** Copies of the first document's grants, naming {@code -id}: as a document ({@code model}) or as a post. */
    private static final String COPY_GRANTS = "INSERT INTO object_grants (user_id, model, codename, object_id) "
            + "SELECT user_id, %s, -object_id FROM object_grants WHERE model = 'document' AND object_id = ?";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the statement                                                             | refused | listed | grants left
            "DELETE FROM documents WHERE id = ?                                          |         | second | 0",
            "UPDATE documents SET id = -id WHERE id = ?                                  |         | second | 0",
            "UPDATE documents SET title = 'renamed', id = id WHERE id = ?                |         | both   | 3",
            "DELETE FROM object_grants WHERE model = 'document' AND object_id = ? AND codename = 'view_document' "
                    + "                                                                  |         | second | 2",
            "UPDATE object_grants SET object_id = -object_id WHERE model = 'document' AND object_id = ? | 23503 | both | 3",
            "copy as document                                                            | 23503   | both   | 3",
            "copy as post                                                                |         | both   | 3",
    })
    void documentsTakeTheirGrantsWithThem(String statement, String refused, String listed, int grantsLeft)
            throws SQLException {
        String owner = Api.unique("in-step");
        List<Long> documents = Api.documentsOf(owner, List.of("first", "second"));
        String state = null;
        try (Connection connection = database.getConnection();
             PreparedStatement write = connection.prepareStatement(switch (statement) {
                 case "copy as document" -> COPY_GRANTS.formatted("model, codename");
                 case "copy as post" -> COPY_GRANTS.formatted("'post', replace(codename, 'document', 'post')");
                 default -> statement;
             })) {
            write.setLong(1, documents.get(0));
            write.executeUpdate();
        } catch (SQLException error) {
            state = error.getSQLState();
        }
        assertEquals(refused, state);
        List<Long> expected = listed.equals("both") ? documents : documents.subList(1, 2);
        JsonPath page = Api.withToken(Api.token(owner)).get("/api/documents/?limit=10").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(expected.size(), page.getLong("count"));
        assertEquals(expected, page.getList("results.id", Long.class));
        assertEquals(grantsLeft, grantsOn(documents.get(0)), "the first document's grants");
        try (Connection connection = database.getConnection();
             PreparedStatement clean = connection.prepareStatement("DELETE FROM object_grants WHERE model = 'post'")) {
            clean.executeUpdate();
        }
    }

    /** The check before a grant and the database's disagree only in a race: the database's refusal is a 400 too. */
    @Test
    void aGrantOnADocumentDeletedMeanwhileIsRefused() throws SQLException {
        String owner = Api.unique("in-step-race");
        long deleted = Api.documentsOf(owner, List.of("gone")).get(0);
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM documents WHERE id = ?")) {
            delete.setLong(1, deleted);
            delete.executeUpdate();
        }
        long ownerId = Api.withToken(Api.token(owner)).get("/api/me/").then().extract().jsonPath().getLong("id");
        ValidationError refused = assertThrows(ValidationError.class, () -> grants.grant(Grants.Grantee.user(ownerId),
                new Grants.Grant("view_document", "document", deleted)));
        assertEquals(Map.of("object_id", List.of("Invalid pk \"" + deleted + "\" - object does not exist.")),
                refused.errors());
        Response overHttp = Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Api.objectGrant("username", owner, "view_document", "document", deleted))
                .post("/api/admin/grants/");
        assertEquals(400, overHttp.statusCode());
        assertEquals("{\"object_id\":[\"Invalid pk \\\"" + deleted + "\\\" - object does not exist.\"]}",
                overHttp.asString());
    }

    private long grantsOn(long document) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM object_grants WHERE model = 'document' AND object_id IN (?, ?)")) {
            count.setLong(1, document);
            count.setLong(2, -document);
            var rows = count.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}
