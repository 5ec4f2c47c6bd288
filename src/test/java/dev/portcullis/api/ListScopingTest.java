package dev.portcullis.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A list shows exactly what a retrieve allows: for random users, groups and grants (some revoked), the ids
 * a user's list holds are the ids whose retrieve answers 200; and the list is one SQL statement.
 */
@QuarkusTest
class ListScopingTest {

    private static final int DOCUMENTS = 12;
    private static final int USERS = 5;

    @Inject
    SessionFactory sessions;

    @ParameterizedTest(name = "documents, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void documentListsHoldExactlyWhatRetrieveAllows(long seed) {
        Random random = new Random(seed);
        String prefix = "scope" + seed + "-";
        List<Long> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("title", prefix + i)).post("/api/documents/").then().statusCode(201)
                    .extract().jsonPath().getLong("id"));
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(prefix + "user" + i);
            Api.token(users.get(i));
        }
        for (int g = 0; g < 2; g++) {
            String group = prefix + "group" + g;
            Api.group(group, users.get(random.nextInt(USERS)));
            for (String user : users) {
                if (random.nextInt(3) == 0) {
                    Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("username", user))
                            .post("/api/admin/groups/" + group + "/members/").then().statusCode(201);
                }
            }
            grantAtRandom(random, "group", group, documents);
        }
        users.forEach(user -> grantAtRandom(random, "username", user, documents));

        for (String user : users) {
            RequestSpecification as = Api.withToken(Api.token(user));
            Set<Long> listed = new TreeSet<>(as.get("/api/documents/").then().statusCode(200).extract()
                    .jsonPath().getList("id", Long.class));
            Set<Long> retrievable = documents.stream()
                    .filter(id -> Api.withToken(Api.token(user)).get("/api/documents/" + id + "/").statusCode() == 200)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(retrievable, listed, "seed " + seed + ", user " + user);
        }
    }

    /** Each document's view permission, to the grantee, with probability 1/3; one in four of those revoked again. */
    private static void grantAtRandom(Random random, String kind, String grantee, List<Long> documents) {
        for (long id : documents) {
            if (random.nextInt(3) == 0) {
                Map<String, Object> grant = Api.objectGrant(kind, grantee, "view_document", "document", id);
                Api.grant(grant, false);
                if (random.nextInt(4) == 0) {
                    Api.grant(grant, true);
                }
            }
        }
    }

    @ParameterizedTest(name = "posts as {0}")
    @ValueSource(strings = {"anonymous", "scope-post-owner", "scope-post-other"})
    void postListsHoldExactlyWhatRetrieveAllows(String actor) {
        String owner = Api.token("scope-post-owner");
        List<Integer> posts = List.of(Api.post(owner, "scoped published", true), Api.post(owner, "scoped draft", false));
        RequestSpecification as = actor.equals("anonymous") ? RestAssured.given() : Api.withToken(Api.token(actor));
        Set<Integer> listed = new TreeSet<>(as.get("/api/posts/").then().statusCode(200).extract().jsonPath()
                .getList("id", Integer.class));
        listed.retainAll(posts);
        Set<Integer> retrievable = posts.stream()
                .filter(id -> (actor.equals("anonymous") ? RestAssured.given() : Api.withToken(Api.token(actor)))
                        .get("/api/posts/" + id + "/").statusCode() == 200)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(retrievable, listed);
    }

    @Test
    void aDocumentListIsOneStatement() {
        String user = "scope-counted";
        RequestSpecification as = Api.withToken(Api.token(user));
        long id = Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("title", "counted"))
                .post("/api/documents/").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.group("scope-counted-group", user);
        Api.grant(Api.objectGrant("group", "scope-counted-group", "view_document", "document", id), false);
        as.get("/api/documents/").then().statusCode(200);  // the token is now cached

        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        List<Long> listed = as.get("/api/documents/").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertEquals(List.of(id), listed);
        assertEquals(1, statistics.getPrepareStatementCount());
    }
}
