package dev.portcullis.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A list longer than one fetch is read through a cursor, in a transaction of its own. The first time, after a first
 * fetch that shows it is long (two statements); while the lists of its query stay long, through the cursor at once
 * (one); a list of the same query that fits one fetch again makes the next long one start with a first fetch again.
 * Each list is whole, in order. (Hibernate's statistics count a cursor's query among the statements prepared, not
 * among the queries executed.)
 */
@QuarkusTest
class LongListsTest {

    /** More posts than one fetch of posts holds (500 rows). */
    private static final int LONG = 620;
    private static final int SHORT = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionFactory sessions;

    /** Posts titled with a word: the search for the word lists exactly them, by id. */
    private record Drafts(String word, List<Long> ids) {
    }

    private record Step(Drafts list, int statements, int transactions, String why) {
    }

    @Test
    void aLongListIsReadThroughTheCursorAtOnceWhileItsQueryStaysLong() throws SQLException {
        String user = Api.unique("long-lister");
        RequestSpecification owner = Api.withToken(Api.token(user));
        owner.get("/api/private/").then().statusCode(200);  // the token is now cached: the steps read only the lists
        // Two searches of the user's drafts: one query, a long list and a short one. No word contains the other.
        Drafts longList = drafts(user, Api.unique("alpha"), LONG);
        Drafts shortList = drafts(user, Api.unique("beta"), SHORT);
        // Whatever came before — another suite's long list of the same query leaves it remembered — a short list
        // leaves the query forgotten: the steps start from there.
        owner.get("/api/posts/?search=" + shortList.word()).then().statusCode(200);
        List<Step> steps = List.of(
                // list      statements  transactions
                new Step(shortList, 1, 0, "short: the query is not remembered as long, one fetch"),
                new Step(longList,  2, 1, "long: a first fetch, then the cursor"),
                new Step(longList,  1, 1, "long again: the cursor at once"),
                new Step(shortList, 1, 1, "short, through the cursor: the query is forgotten"),
                new Step(longList,  2, 1, "long: a first fetch again, then the cursor"));
        try {
            for (Step step : steps) {
                Statistics statistics = sessions.getStatistics();
                statistics.clear();
                List<Long> listed = owner.get("/api/posts/?search=" + step.list().word())
                        .then().statusCode(200).header("Content-Type", "application/json")
                        .extract().jsonPath().getList("id", Long.class);
                assertEquals(step.statements(), statistics.getPrepareStatementCount(), step.why());
                assertEquals(step.transactions(), statistics.getTransactionCount(), step.why());
                assertEquals(step.list().ids(), listed, step.why());
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM posts WHERE owner_id = (SELECT id FROM users WHERE username = ?)")) {
                delete.setString(1, user);
                delete.executeUpdate();
            }
        }
    }

    /** The user's drafts, titled with the word and a number. */
    private Drafts drafts(String user, String word, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO posts (title, body, published, owner_id) SELECT ? || ' ' || n, 'a draft', false, "
                        + "(SELECT id FROM users WHERE username = ?) FROM generate_series(1, ?) n RETURNING id")) {
            insert.setString(1, word);
            insert.setString(2, user);
            insert.setInt(3, count);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        ids.sort(null);
        return new Drafts(word, ids);
    }
}
