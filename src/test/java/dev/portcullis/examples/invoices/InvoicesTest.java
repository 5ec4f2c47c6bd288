package dev.portcullis.examples.invoices;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's invoices viewset, as its author would test it: every action for every kind of caller. */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class InvoicesTest {

    private static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String NO_PERMISSION = "You do not have permission to perform this action.";

    private static RequestSpecification as(String actor) {
        return switch (actor) {
            case "anonymous" -> RestAssured.given();
            case "owner" -> Api.withToken(Api.token("invoice-owner"));
            case "other" -> Api.withToken(Api.token("invoice-other"));
            case "staff" -> Api.withToken(Api.token("invoice-staff", true, false, true));
            default -> throw new IllegalArgumentException(actor);
        };
    }

    private static Map<String, Object> create(String number, boolean paid) {
        Response created = as("owner").contentType(ContentType.JSON)
                .body(Map.of("number", number, "amount", "12.5")).post("/api/invoices/");
        assertEquals(201, created.statusCode(), created.asString());
        if (paid) {
            as("owner").post("/api/invoices/" + created.jsonPath().getLong("id") + "/pay/").then().statusCode(200);
        }
        return as("staff").get("/api/invoices/" + created.jsonPath().getLong("id") + "/").jsonPath().getMap("$");
    }

    @ParameterizedTest(name = "{0} {1} on an {2} invoice by {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "retrieve      |GET   |unpaid|owner    |200|-",
            "retrieve      |GET   |unpaid|staff    |200|-",
            "retrieve      |GET   |unpaid|other    |404|Not found.",
            "retrieve      |GET   |unpaid|anonymous|401|" + NOT_PROVIDED,
            "update        |PUT   |unpaid|owner    |200|-",
            "update        |PUT   |paid  |owner    |403|" + NO_PERMISSION,
            "update        |PUT   |unpaid|staff    |403|" + NO_PERMISSION,
            "update        |PUT   |unpaid|other    |404|Not found.",
            "partial_update|PATCH |unpaid|owner    |200|-",
            "partial_update|PATCH |paid  |owner    |403|" + NO_PERMISSION,
            "partial_update|PATCH |unpaid|other    |404|Not found.",
            "pay           |POST  |unpaid|owner    |200|-",
            "pay           |POST  |paid  |owner    |403|" + NO_PERMISSION,
            "pay           |POST  |unpaid|other    |404|Not found.",
            "pay           |POST  |unpaid|anonymous|401|" + NOT_PROVIDED,
            "destroy       |DELETE|unpaid|staff    |204|-",
            "destroy       |DELETE|unpaid|owner    |403|" + NO_PERMISSION,
            "destroy       |DELETE|unpaid|other    |403|" + NO_PERMISSION,
    })
    void actionOnOneInvoice(String action, String method, String state, String actor, int status, String detail) {
        Map<String, Object> before = create("INV-" + action, state.equals("paid"));
        String path = "/api/invoices/" + before.get("id") + "/" + (action.equals("pay") ? "pay/" : "");
        Response response = as(actor).contentType(ContentType.JSON)
                .body(Map.of("number", "CHANGED", "amount", 99)).request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        Response after = as("staff").get("/api/invoices/" + before.get("id") + "/");
        if (detail != null) {
            assertEquals(Map.of("detail", detail), response.jsonPath().getMap("$"));
            assertEquals(status == 401 ? "Token" : null, response.header("WWW-Authenticate"));
            assertEquals(before, after.jsonPath().getMap("$"), "a refused " + action + " changed nothing");
        } else if (status == 204) {
            assertEquals("", response.asString());
            assertEquals(404, after.statusCode());
        } else {
            Map<String, Object> answered = response.jsonPath().getMap("$");
            assertEquals(answered, after.jsonPath().getMap("$"), "the answer is what was stored");
            boolean changes = method.equals("PUT") || method.equals("PATCH");
            assertEquals(changes ? "99.00" : "12.50", answered.get("amount"));
            assertEquals(changes ? "CHANGED" : "INV-" + action, answered.get("number"));
            assertEquals(action.equals("pay"), answered.get("paid"));
        }
    }

    @Test
    void aCreateAnswersWhatEveryLaterReadShows() {
        Response created = as("owner").contentType(ContentType.JSON)
                .body(Map.of("number", "INV-1", "amount", 12.5, "paid", true, "owner", "someone-else")).post("/api/invoices/");
        assertEquals(201, created.statusCode(), created.asString());
        Map<String, Object> answer = created.jsonPath().getMap("$");
        assertEquals(List.of("id", "number", "amount", "paid", "owner", "created_at"), List.copyOf(answer.keySet()));
        assertEquals("12.50", answer.get("amount"));
        assertEquals(false, answer.get("paid"), "read-only fields a client sends are ignored");
        assertEquals("invoice-owner", answer.get("owner"));
        assertEquals(answer, as("owner").get("/api/invoices/" + answer.get("id") + "/").jsonPath().getMap("$"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"number\": \"A-1\", \"amount\": true}                |{\"amount\":[\"A valid number is required.\"]}",
            "{\"number\": \"A-1\", \"amount\": \"twelve\"}          |{\"amount\":[\"A valid number is required.\"]}",
            "{\"number\": \"A-1\", \"amount\": \"NaN\"}             |{\"amount\":[\"A valid number is required.\"]}",
            "{\"number\": \"A-1\", \"amount\": \"12.345\"}          |{\"amount\":[\"Ensure that there are no more than 2 decimal places.\"]}",
            "{\"number\": \"A-1\", \"amount\": 123456789}           |{\"amount\":[\"Ensure that there are no more than 8 digits before the decimal point.\"]}",
            "{\"number\": \"A-1\", \"amount\": \"12345678901\"}      |{\"amount\":[\"Ensure that there are no more than 10 digits in total.\"]}",
            "{\"number\": \"A-1\", \"amount\": null}                |{\"amount\":[\"This field may not be null.\"]}",
            "{\"number\": \"123456789012345678901\", \"amount\": 1} |{\"number\":[\"Ensure this field has no more than 20 characters.\"]}",
            "{\"number\": \"   \", \"amount\": 1}                   |{\"number\":[\"This field may not be blank.\"]}",
            "{\"number\": [\"A-1\"], \"amount\": 1}                 |{\"number\":[\"Not a valid string.\"]}",
            "{}                                                     |{\"number\":[\"This field is required.\"],\"amount\":[\"This field is required.\"]}",
            "[]                                                     |{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}",
    })
    void invalidBodiesGetDrfsMessages(String body, String errors) {
        Response response = as("owner").contentType(ContentType.JSON).body(body).post("/api/invoices/");
        assertEquals(400, response.statusCode());
        assertEquals(errors, response.asString());
    }

    /** The other user's invoice is there, so a count that forgot the owner's restriction would count it too. */
    @Test
    void ownersListTheirOwnAndStaffListAll() {
        long mine = ((Number) create("INV-list", false).get("id")).longValue();
        long theirs = as("other").contentType(ContentType.JSON).body(Map.of("number", "INV-other", "amount", "1"))
                .post("/api/invoices/").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> own = as("owner").get("/api/invoices/").jsonPath().getList("id", Long.class);
        List<Long> others = as("other").get("/api/invoices/").jsonPath().getList("id", Long.class);
        List<Long> all = as("staff").get("/api/invoices/").jsonPath().getList("id", Long.class);
        assertTrue(own.contains(mine) && all.contains(mine) && !others.contains(mine));
        assertTrue(others.contains(theirs) && all.contains(theirs) && !own.contains(theirs));
        Response page = as("owner").get("/api/invoices/?limit=1");
        assertEquals(own.size(), page.jsonPath().getInt("count"));
        assertEquals(List.of(own.get(0)), page.jsonPath().getList("results.id", Long.class));
    }
}
