package dev.portcullis.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every answer carries a request id: the caller's when it is a sensible one, a new one otherwise. */
@QuarkusTest
class RequestIdsTest {

    /** A random UUID (version 4, IETF variant), as {@code UUID.randomUUID()} makes them. */
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @ParameterizedTest(name = "{0} with X-Request-Id [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/api/public/ |trace-42           |200|trace-42",
            "/api/private/|trace-43           |401|trace-43",
            "/api/nowhere/|-                  |404|" + UUID,
            "/api/public/ |has spaces in it   |200|" + UUID,
            "/api/public/ |" + "x" + "|200|x",
    })
    void answersCarryARequestId(String path, String offered, int status, String expected) {
        RequestSpecification request = RestAssured.given();
        if (offered != null) {
            request.header("X-Request-Id", offered.strip());
        }
        Response response = request.get(path.strip());
        assertEquals(status, response.statusCode());
        String id = response.header("X-Request-Id");
        assertTrue(id != null && id.matches(expected), id);
    }

    @Test
    void newIdsAreRandomVersionFourUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.newId();
            assertTrue(id.matches(UUID), id);
            assertEquals(4, java.util.UUID.fromString(id).version());
            assertEquals(2, java.util.UUID.fromString(id).variant());
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }
}
