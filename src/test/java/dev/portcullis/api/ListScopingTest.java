package dev.portcullis.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A list shows exactly what the grants allow, worked out here from the grants the test itself made — for
 * random users, groups, memberships (some removed again), object grants (some revoked) and model grants (which
 * show no object: the list asks for the permission on the object) — and agreeing with each retrieve; the list is
 * one SQL statement. The same list read a page at a time (counted and paged from the grant indexes) holds the
 * same documents in the same order.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class ListScopingTest {

    /** Every name this run's own: users and groups of an earlier test or run hold grants of their own. */
    private static final String RUN = Api.unique("run");

    @Inject
    SessionFactory sessions;

    /** What the test granted, so that what each user may view is known without asking the service. */
    private static final class Grants {
        final Map<String, Set<Long>> byGrantee = new HashMap<>();
        final Map<String, Set<String>> members = new HashMap<>();

        Set<Long> viewableBy(String user) {
            Set<Long> viewable = new TreeSet<>(byGrantee.getOrDefault(user, Set.of()));
            members.forEach((group, who) -> {
                if (who.contains(user)) {
                    viewable.addAll(byGrantee.getOrDefault(group, Set.of()));
                }
            });
            return viewable;
        }
    }

    @ParameterizedTest(name = "documents, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void documentListsHoldExactlyWhatTheGrantsAllow(long seed) {
        Random random = new Random(seed);
        String prefix = "scope" + seed + "-" + RUN + "-";
        List<Long> documents = new ArrayList<>();
        for (int i = 0, count = 4 + random.nextInt(13); i < count; i++) {
            documents.add(Api.document(Api.adminToken(), prefix + i));
        }
        List<String> users = new ArrayList<>();
        for (int i = 0, count = 2 + random.nextInt(5); i < count; i++) {
            users.add(prefix + "user" + i);
            Api.token(users.get(i));
        }
        Grants grants = new Grants();
        for (int g = 0, count = random.nextInt(4); g < count; g++) {
            String group = prefix + "group" + g;
            makeGroup(random, group, users, grants);
            grantAtRandom(random, "group", group, documents, grants);
        }
        for (String user : users) {
            grantAtRandom(random, "username", user, documents, grants);
            if (random.nextInt(4) == 0) {
                Api.grant(Api.modelGrant("username", user, "view_document"), false);
            }
        }

        for (String user : users) {
            RequestSpecification as = Api.withToken(Api.token(user));
            Set<Long> listed = new TreeSet<>(Api.longs(Api.json(as.get("/api/documents/"), 200), "id"));
            Set<Long> expected = grants.viewableBy(user);
            assertEquals(expected, listed, "seed " + seed + ", list of " + user + ", " + grants.members);
            assertEquals(List.copyOf(expected), pages(as, expected.size()), "seed " + seed + ", pages of " + user);
            for (long id : documents) {
                int status = Api.withToken(Api.token(user)).get("/api/documents/" + id + "/").statusCode();
                assertEquals(expected.contains(id) ? 200 : 404, status, "seed " + seed + ", " + user + " retrieves " + id);
            }
        }
    }

    /** The list read page by page, three at a time, each page counting the whole list. */
    private static List<Long> pages(RequestSpecification as, int count) {
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset <= count; offset += 3) {
            JsonNode page = Api.json(as.get("/api/documents/?limit=3&offset=" + offset), 200);
            assertEquals(count, page.get("count").asLong(), "count at offset " + offset);
            paged.addAll(Api.longs(page.get("results"), "id"));
        }
        return paged;
    }

    /** A group with a first member, then each user joins with probability 1/3, and one in three leaves again. */
    private static void makeGroup(Random random, String group, List<String> users, Grants grants) {
        String first = users.get(random.nextInt(users.size()));
        Api.group(group, first);
        Set<String> members = new HashSet<>(Set.of(first));
        for (String user : users) {
            if (random.nextInt(3) == 0) {
                Api.withToken(Api.adminToken()).contentType(ContentType.JSON).body(Map.of("username", user))
                        .post("/api/admin/groups/" + group + "/members/").then().statusCode(201);
                members.add(user);
            }
            if (members.contains(user) && random.nextInt(3) == 0) {
                Api.withToken(Api.adminToken()).delete("/api/admin/groups/" + group + "/members/" + user + "/")
                        .then().statusCode(204);
                members.remove(user);
            }
        }
        grants.members.put(group, members);
    }

    /** Each document's view permission, to the grantee, with probability 1/3; one in four of those revoked again. */
    private static void grantAtRandom(Random random, String kind, String grantee, List<Long> documents, Grants grants) {
        Set<Long> granted = grants.byGrantee.computeIfAbsent(grantee, g -> new HashSet<>());
        for (long id : documents) {
            if (random.nextInt(3) == 0) {
                Map<String, Object> grant = Api.objectGrant(kind, grantee, "view_document", "document", id);
                Api.grant(grant, false);
                granted.add(id);
                if (random.nextInt(4) == 0) {
                    Api.grant(grant, true);
                    granted.remove(id);
                }
            }
        }
    }

    /** Posts are public once published, and their owner's alone before: what each caller's list and retrieve show. */
    @ParameterizedTest(name = "posts as {0}")
    @CsvSource(delimiter = '|', value = {
            "anonymous|published",
            "owner    |published,draft",
            "other    |published",
    })
    void postListsHoldThePublishedAndTheCallersOwn(String actor, String visible) {
        String owner = Api.token("scope-post-owner-" + RUN);
        Map<String, Integer> posts = Map.of("published", Api.post(owner, "scoped published", true),
                "draft", Api.post(owner, "scoped draft", false));
        Supplier<RequestSpecification> as = () -> switch (actor) {
            case "anonymous" -> RestAssured.given();
            case "owner" -> Api.withToken(owner);
            default -> Api.withToken(Api.token("scope-post-other-" + RUN));
        };
        Set<Integer> expected = Arrays.stream(visible.split(",")).map(posts::get)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> listed = new TreeSet<>(as.get().get("/api/posts/").then().statusCode(200).extract().jsonPath()
                .getList("id", Integer.class));
        listed.retainAll(posts.values());
        assertEquals(expected, listed);
        posts.forEach((which, id) -> assertEquals(expected.contains(id) ? 200 : 404,
                as.get().get("/api/posts/" + id + "/").statusCode(), which));
    }

    /** Two groups of the user grant the same documents: each is listed and counted once, on every page. */
    @ParameterizedTest(name = "limit {0}, offset {1}")
    @CsvSource({"4, 0", "2, 0", "2, 2", "3, 1", "2, 6"})  // the last past the end: counted by a statement of its own
    void aDocumentTwoGroupsGrantIsOnePageEntry(int limit, int offset) {
        String user = Api.unique("two-groups");
        String token = Api.token(user);
        List<Long> documents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            documents.add(Api.document(Api.adminToken(), "shared " + i));
        }
        for (String group : List.of(user + "-a", user + "-b")) {
            Api.group(group, user);
            for (long id : group.endsWith("-a") ? documents : documents.subList(0, 3)) {
                Api.grant(Api.objectGrant("group", group, "view_document", "document", id), false);
            }
        }
        JsonPath page = Api.withToken(token).get("/api/documents/?limit=" + limit + "&offset=" + offset)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(4, page.getLong("count"));
        assertEquals(documents.subList(Math.min(4, offset), Math.min(4, offset + limit)), page.getList("results.id", Long.class));
    }

    @Test
    void aDocumentListIsOneStatement() {
        String user = "scope-counted-" + RUN;
        RequestSpecification as = Api.withToken(Api.token(user));
        long id = Api.document(Api.adminToken(), "counted");
        Api.group("scope-counted-group-" + RUN, user);
        Api.grant(Api.objectGrant("group", "scope-counted-group-" + RUN, "view_document", "document", id), false);
        as.get("/api/documents/").then().statusCode(200);  // the token is now cached

        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        List<Long> listed = as.get("/api/documents/").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertEquals(List.of(id), listed);
        // SELECTs only: the token's device may be noted as used (an UPDATE, off the request's thread) meanwhile.
        assertEquals(1, statistics.getQueryExecutionCount());
    }
}
