package dev.portcullis.examples.library;

import dev.portcullis.openapi.RecordsResponses;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.portcullis.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lending library, as its author would test it: one story, step by step — a librarian of each branch, members
 * of each, an outsider — where every refusal is checked to the word, and the loans each user sees are checked after
 * every step. Branches and users are this run's own.
 */
@QuarkusTest
@ExtendWith(RecordsResponses.class)
class LibraryTest {

    private static final String RUN = Api.unique("lib");

    /**
     * Actor, method, path, body (JSON, or {@code form:} and a form), expected status, expected body ({@code -}: not
     * checked), name to save the id as.
     */
    private static final String[][] STORY = {
            // Staff enrol the librarians; librarians enrol members at their own branch only.
            {"staff", "POST", "members", "{'user': '{librarian-n}', 'branch': '{north}'}", "201", "-", "ln"},
            {"staff", "POST", "members", "{'user': '{librarian-s}', 'branch': '{south}'}", "201", "-", "ls"},
            {"librarian-n", "POST", "members", "{'user': '{member-n}', 'branch': '{north}'}", "201", "-", "mn"},
            {"librarian-s", "POST", "members", "{'user': '{member-s}', 'branch': '{south}'}", "201", "-", "ms"},
            {"librarian-n", "POST", "members", "{'user': '{outsider}', 'branch': '{south}'}", "400",
                    "{'branch': ['You can enrol members at your own branch only.']}", "-"},
            {"librarian-n", "POST", "members", "{'user': 'nobody-{north}', 'branch': '{north}'}", "400",
                    "{'user': ['Object with username=nobody-{north} does not exist.']}", "-"},
            {"member-n", "POST", "members", "{'user': '{outsider}', 'branch': '{north}'}", "403",
                    "{'detail': 'You do not have permission to perform this action.'}", "-"},
            // The catalogue: librarians add books and copies; an isbn is unique.
            {"librarian-n", "POST", "books", "{'title': 'Dune {north}', 'author': 'Herbert', 'isbn': '{isbn1}'}", "201",
                    "-", "dune"},
            {"librarian-n", "POST", "books", "{'title': 'Emma {north}', 'author': 'Austen', 'isbn': '{isbn2}'}", "201",
                    "-", "emma"},
            {"librarian-s", "POST", "books", "{'title': 'Again', 'author': 'X', 'isbn': '{isbn1}'}", "400",
                    "{'isbn': ['book with this isbn already exists.']}", "-"},
            {"librarian-s", "POST", "books", "{'title': '', 'author': 'X', 'isbn': '{isbn1}'}", "400",
                    "{'title': ['This field may not be blank.'], 'isbn': ['book with this isbn already exists.']}", "-"},
            {"librarian-n", "PUT", "books/{emma}/", "{'title': 'Emma {north}', 'author': 'Austen', 'isbn': '{isbn2}'}",
                    "200", "-", "-"},
            {"member-n", "POST", "books", "{'title': 'Mine', 'author': 'Me', 'isbn': '1'}", "403",
                    "{'detail': 'You do not have permission to perform this action.'}", "-"},
            {"librarian-n", "POST", "copies", "{'book': {dune}, 'branch': '{north}'}", "201",
                    "{'id': {@}, 'book': {dune}, 'branch': '{north}'}", "dune-n"},
            {"librarian-n", "POST", "copies", "{'book': {emma}, 'branch': '{north}'}", "201", "-", "emma-n"},
            {"librarian-s", "POST", "copies", "{'book': {dune}, 'branch': '{south}'}", "201", "-", "dune-s"},
            {"librarian-n", "POST", "copies", "{'book': 'x1', 'branch': '{north}'}", "400",
                    "{'book': ['Incorrect type. Expected pk value, received str.']}", "-"},
            {"librarian-n", "POST", "copies", "{'book': 9223372036854775807, 'branch': '{north}'}", "400",
                    "{'book': ['Invalid pk \\\"9223372036854775807\\\" - object does not exist.']}", "-"},
            {"librarian-n", "PATCH", "copies/{dune-n}/", "{'book': ''}", "400",
                    "{'book': ['This field may not be null.']}", "-"},
            {"librarian-n", "POST", "copies", "{'book': {dune}, 'branch': '{north}-and-a-name-longer-than-its-column'}",
                    "400", "{'branch': ['Ensure this field has no more than 50 characters.']}", "-"},
            {"librarian-n", "POST", "copies", "{'branch': '{north}-and-a-name-longer-than-its-column'}", "400",
                    "{'book': ['This field is required.'], 'branch': ['Ensure this field has no more than 50 characters.']}",
                    "-"},
            // Loans: a copy of the member's branch, one open loan per copy, members of the librarian's branch only.
            {"librarian-n", "POST", "loans", "{'copy': {dune-n}, 'member': {mn}, 'due': '2026-12-24'}", "201",
                    "{'id': {@}, 'copy': {dune-n}, 'book': {'id': {dune}, 'title': 'Dune {north}', 'author': 'Herbert', "
                            + "'isbn': '{isbn1}'}, 'member': {mn}, 'due': '2026-12-24', 'returned': false}", "loan1"},
            {"librarian-n", "POST", "loans", "{'copy': {dune-n}, 'member': {ln}, 'due': '2026-12-31'}", "400",
                    "{'copy': ['loan with this copy already exists.']}", "-"},
            {"librarian-n", "POST", "loans", "{'copy': {dune-s}, 'member': {mn}, 'due': '2026-12-31'}", "400",
                    "{'copy': ['This copy is at another branch than the member.']}", "-"},
            {"librarian-n", "POST", "loans", "{'copy': {dune-s}, 'member': {ms}, 'due': '2026-12-31'}", "400",
                    "{'member': ['Invalid pk \\\"{ms}\\\" - object does not exist.']}", "-"},
            {"librarian-s", "POST", "loans", "{'copy': {dune-n}, 'member': {mn}, 'due': '2026-12-31'}", "400",
                    "{'member': ['Invalid pk \\\"{mn}\\\" - object does not exist.']}", "-"},
            {"member-n", "POST", "loans", "{'copy': {emma-n}, 'member': {mn}, 'due': '2026-12-31'}", "403",
                    "{'detail': 'You do not have permission to perform this action.'}", "-"},
            {"librarian-n", "POST", "loans", "{'copy': [1], 'member': {}, 'due': '2026-02-30'}", "400",
                    "{'copy': ['Incorrect type. Expected pk value, received list.'], 'member': ['Incorrect type. "
                            + "Expected pk value, received dict.'], 'due': ['Date has wrong format. Use one of these "
                            + "formats instead: YYYY-MM-DD.']}", "-"},
            {"librarian-n", "POST", "loans", "{'copy': true, 'member': null, 'due': '2026-12-31'}", "400",
                    "{'copy': ['Incorrect type. Expected pk value, received bool.'], 'member': ['This field may not "
                            + "be null.']}", "-"},
            {"librarian-n", "POST", "loans", "{'copy': '{emma-n}', 'member': {mn}, 'due': '2026-12-20'}", "201", "-",
                    "loan2"},
            // Who sees which loans, filtered and ordered.
            {"member-n", "GET", "loans?ordering=-due", "", "200", "[loan1, loan2]", "-"},
            {"member-n", "GET", "loans?ordering=due", "", "200", "[loan2, loan1]", "-"},
            {"librarian-n", "GET", "loans", "", "200", "[loan1, loan2]", "-"},
            {"librarian-s", "GET", "loans", "", "200", "[]", "-"},
            {"member-s", "GET", "loans", "", "200", "[]", "-"},
            {"outsider", "GET", "loans/{loan1}/", "", "404", "{'detail': 'Not found.'}", "-"},
            // Returned: the copy can be lent again.
            {"librarian-s", "PATCH", "loans/{loan1}/", "{'returned': true}", "404", "{'detail': 'Not found.'}", "-"},
            {"librarian-n", "PATCH", "loans/{loan1}/", "{'returned': true}", "200", "-", "-"},
            {"member-n", "GET", "loans?returned=false", "", "200", "[loan2]", "-"},
            {"member-n", "GET", "loans?returned=true", "", "200", "[loan1]", "-"},
            {"librarian-n", "POST", "loans", "{'copy': {dune-n}, 'member': {ln}, 'due': '2027-01-15'}", "201", "-",
                    "loan3"},
            {"librarian-n", "GET", "loans?ordering=-due", "", "200", "[loan3, loan1, loan2]", "-"},
            // Clubs: a relation to many members, each one the librarian may see.
            {"librarian-n", "POST", "clubs", "{'name': 'Readers {north}', 'members': [{mn}, {ln}]}", "201",
                    "{'id': {@}, 'name': 'Readers {north}', 'members': [{ln}, {mn}]}", "club"},
            {"librarian-n", "POST", "clubs", "{'name': 'Mixed', 'members': [{mn}, {ms}]}", "400",
                    "{'members': ['Invalid pk \\\"{ms}\\\" - object does not exist.']}", "-"},
            {"librarian-n", "POST", "clubs", "{'name': 'Mixed', 'members': '{mn}'}", "400",
                    "{'members': ['Expected a list of items but got type \\\"str\\\".']}", "-"},
            {"librarian-n", "POST", "clubs", "{'name': 'Mixed', 'members': [true]}", "400",
                    "{'members': ['Incorrect type. Expected pk value, received bool.']}", "-"},
            {"librarian-n", "POST", "clubs", "{'name': 'Mixed', 'members': [null]}", "400",
                    "{'members': ['Invalid pk \\\"None\\\" - object does not exist.']}", "-"},
            {"librarian-n", "PATCH", "clubs/{club}/", "{'members': [{mn}]}", "200",
                    "{'id': {club}, 'name': 'Readers {north}', 'members': [{mn}]}", "-"},
            {"member-s", "GET", "clubs/{club}/", "", "200", "{'id': {club}, 'name': 'Readers {north}', 'members': [{mn}]}",
                    "-"},
            {"librarian-n", "PATCH", "clubs/{club}/", "{'members': []}", "200",
                    "{'id': {club}, 'name': 'Readers {north}', 'members': []}", "-"},
            // A form repeats the name of a relation to many; one that leaves it out sets none (unless partial).
            {"librarian-n", "PATCH", "clubs/{club}/", "form:members={mn}&members={ln}", "200",
                    "{'id': {club}, 'name': 'Readers {north}', 'members': [{ln}, {mn}]}", "-"},
            {"librarian-n", "PATCH", "clubs/{club}/", "form:name=Readers+{north}", "200",
                    "{'id': {club}, 'name': 'Readers {north}', 'members': [{ln}, {mn}]}", "-"},
            {"librarian-n", "PUT", "clubs/{club}/", "form:name=Readers+{north}", "200",
                    "{'id': {club}, 'name': 'Readers {north}', 'members': []}", "-"},
            {"librarian-n", "PATCH", "clubs/{club}/", "form:members=&members={ms}", "400",
                    "{'members': ['Incorrect type. Expected pk value, received str.']}", "-"},
            // The catalogue, filtered, searched and ordered.
            {"member-s", "GET", "books?search={north}&ordering=-title", "", "200", "[emma, dune]", "-"},
            {"member-s", "GET", "books?search={north}&author=Austen", "", "200", "[emma]", "-"},
            {"member-s", "GET", "books?search=dune+{north}", "", "200", "[dune]", "-"},
            // OPTIONS describes the fields of the writes the caller could send (none to a reader).
            {"librarian-n", "OPTIONS", "books", "", "200",
                    "{'name': 'Books List', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'], "
                            + "'actions': {'POST': {'id': {'type': 'integer', 'required': false, 'read_only': true, "
                            + "'label': 'ID'}, 'title': {'type': 'string', 'required': true, 'read_only': false, "
                            + "'label': 'Title', 'max_length': 200}, 'author': {'type': 'string', 'required': true, "
                            + "'read_only': false, 'label': 'Author', 'max_length': 200}, 'isbn': {'type': 'string', "
                            + "'required': true, 'read_only': false, 'label': 'Isbn', "
                            + "'help_text': 'ISBN-10 or ISBN-13, digits only.', 'max_length': 13}}}}", "-"},
            {"member-n", "OPTIONS", "books", "", "200",
                    "{'name': 'Books List', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']}", "-"},
            {"librarian-n", "OPTIONS", "members", "", "200",
                    "{'name': 'Members List', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'], "
                            + "'actions': {'POST': {'id': {'type': 'integer', 'required': false, 'read_only': true, "
                            + "'label': 'ID'}, 'user': {'type': 'field', 'required': true, 'read_only': false, "
                            + "'label': 'User'}, 'branch': {'type': 'string', 'required': true, 'read_only': false, "
                            + "'label': 'Branch', 'max_length': 50}}}}", "-"},
            {"librarian-n", "OPTIONS", "loans", "", "200",
                    "{'name': 'Loans List', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'], "
                            + "'actions': {'POST': {'id': {'type': 'integer', 'required': false, 'read_only': true, "
                            + "'label': 'ID'}, 'copy': {'type': 'field', 'required': true, 'read_only': false, "
                            + "'label': 'Copy'}, 'book': {'type': 'nested object', 'required': false, 'read_only': true, "
                            + "'label': 'Book', 'children': {'id': {'type': 'integer', 'required': false, 'read_only': true, "
                            + "'label': 'ID'}, 'title': {'type': 'string', 'required': true, 'read_only': false, "
                            + "'label': 'Title', 'max_length': 200}, 'author': {'type': 'string', 'required': true, "
                            + "'read_only': false, 'label': 'Author', 'max_length': 200}, 'isbn': {'type': 'string', "
                            + "'required': true, 'read_only': false, 'label': 'Isbn', "
                            + "'help_text': 'ISBN-10 or ISBN-13, digits only.', 'max_length': 13}}}, "
                            + "'member': {'type': 'field', 'required': true, 'read_only': false, 'label': 'Member'}, "
                            + "'due': {'type': 'date', 'required': true, 'read_only': false, 'label': 'Due'}, "
                            + "'returned': {'type': 'boolean', 'required': false, 'read_only': false, 'label': 'Returned'}}}}", "-"},
            {"librarian-n", "OPTIONS", "clubs/{club}/", "", "200",
                    "{'name': 'Clubs Instance', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'], "
                            + "'actions': {'PUT': {'id': {'type': 'integer', 'required': false, 'read_only': true, "
                            + "'label': 'ID'}, 'name': {'type': 'string', 'required': true, 'read_only': false, "
                            + "'label': 'Name', 'max_length': 100}, 'members': {'type': 'field', 'required': true, "
                            + "'read_only': false, 'label': 'Members'}}}}", "-"},
            {"librarian-s", "OPTIONS", "loans/{loan1}/", "", "200",
                    "{'name': 'Loans Instance', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']}", "-"},
            {"member-n", "OPTIONS", "loans/{loan1}/", "", "200",
                    "{'name': 'Loans Instance', 'description': '', 'renders': ['application/json', 'text/html'], "
                            + "'parses': ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']}", "-"},
    };

    private final Map<String, String> names = new HashMap<>();

    @Test
    void theLendingLibrary() {
        names.put("north", "north-" + RUN);
        names.put("south", "south-" + RUN);
        names.put("isbn1", RUN.substring(RUN.length() - 8) + "01");
        names.put("isbn2", RUN.substring(RUN.length() - 8) + "02");
        for (String user : List.of("librarian-n", "librarian-s", "member-n", "member-s", "outsider")) {
            names.put(user, user + "-" + RUN);
            Api.token(names.get(user));
        }
        librarian(names.get("librarian-n"));
        librarian(names.get("librarian-s"));
        for (String[] step : STORY) {
            take(step);
        }
    }

    private void take(String[] step) {
        String context = String.join(" | ", step);
        String path = "/api/library/" + fill(step[2]).replace("?", "/?") + (step[2].contains("?") || step[2].endsWith("/")
                ? "" : "/");
        RequestSpecification request = as(step[0]).urlEncodingEnabled(false);
        if (step[3].startsWith("form:")) {
            request.contentType(ContentType.URLENC).body(fill(step[3].substring("form:".length())));
        } else if (!step[3].isEmpty()) {
            request.contentType(ContentType.JSON).body(json(fill(step[3])));
        }
        Response response = request.request(step[1], path);
        assertEquals(Integer.parseInt(step[4]), response.statusCode(), context + " -> " + response.asString());
        if (!step[6].equals("-")) {
            names.put(step[6], response.jsonPath().getString("id"));
            names.put("@", response.jsonPath().getString("id"));
        }
        if (step[5].startsWith("[")) {
            assertEquals(ids(step[5]), response.jsonPath().getList("id", String.class), context);
        } else if (!step[5].equals("-")) {
            assertEquals(tree(json(fill(step[5]))), tree(response.asString()), context);
        }
    }

    private RequestSpecification as(String actor) {
        return actor.equals("staff") ? Api.withToken(Api.token("library-staff-" + RUN, true, false, true))
                : Api.withToken(Api.token(names.get(actor)));
    }

    /** Makes the user a librarian (the group is made by the first). */
    static void librarian(String username) {
        Api.token(username);
        Response added = Api.withToken(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/admin/groups/librarians/members/");
        if (added.statusCode() == 404) {
            Api.group("librarians", username);
        } else {
            assertEquals(201, added.statusCode(), added.asString());
        }
    }

    private String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            filled = filled.replace("{" + name.getKey() + "}", name.getValue());
        }
        return filled;
    }

    /** The table's JSON, written with single quotes to read in Java, as the service writes it (no spaces). */
    private static String json(String written) {
        return written.replace('\'', '"').replace("\": ", "\":").replace(", \"", ",\"").replace(", [", ",[")
                .replace(", {", ",{");
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private List<String> ids(String list) {
        List<String> ids = new ArrayList<>();
        for (String name : list.substring(1, list.length() - 1).split(", ")) {
            if (!name.isEmpty()) {
                ids.add(names.get(name));
            }
        }
        return ids;
    }
}
