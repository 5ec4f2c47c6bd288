package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What DRF's contract lets an answer be, written down here independently of the service: each status's body
 * in DRF's words and its headers, and — for a credential DRF would refuse before anything else happens — the
 * 401 with the refusal's exact words.
 */
final class DrfAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Views that authenticate no one (SimpleJWT's views, the session login, registration). */
    private static final Set<String> UNAUTHENTICATED_VIEWS = Set.of("/api/jwt/create/", "/api/jwt/refresh/",
            "/api/jwt/verify/", "/api/auth/login/", "/api/register/");

    private static final Set<String> NOT_AUTHENTICATED = Set.of("Authentication credentials were not provided.",
            "Invalid token.", "Invalid token header. No credentials provided.",
            "Invalid token header. Token string should not contain spaces.",
            "Authorization header must contain two space-delimited values", "Given token not valid for any token type",
            "Token is invalid or expired", "Token is blacklisted", "User inactive or deleted.",
            "Invalid username/password.", "No active account found with the given credentials");

    private static final Set<String> PERMISSION_DENIED = Set.of("You do not have permission to perform this action.",
            "Please verify your email address before accessing this resource.",
            "CSRF Failed: CSRF cookie not set.", "CSRF Failed: CSRF token missing or incorrect.");

    private DrfAnswers() {
    }

    /**
     * Asserts that the answer is one DRF could have given to the request.
     *
     * @param validToken the key of a token that exists (a header carrying it authenticates)
     */
    static void assertAgrees(String method, String path, boolean paged, String authorization, String contentType,
                             String validToken, HttpResponse<String> response, String context) throws Exception {
        int status = response.statusCode();
        String text = response.body();
        Optional<String> refused = refusedCredential(path, authorization, validToken);
        if (refused.isPresent()) {
            // DRF authenticates in initial(), before the method, the object or the body is looked at.
            assertEquals(401, status, context);
            assertEquals(refused.get(), JSON.readTree(text).path("detail").asText(), context);
        }
        switch (status) {
            case 200, 201 -> assertTrue(JSON.readTree(text).isContainerNode(), context);
            case 204 -> assertEquals("", text, context);
            case 400 -> assertValidationOrParseError(JSON.readTree(text), context);
            case 401 -> {
                assertNotNull(header(response, "WWW-Authenticate"), context);
                assertTrue(NOT_AUTHENTICATED.contains(detail(text, context)), context);
            }
            case 403 -> {
                assertNull(header(response, "WWW-Authenticate"), context);
                String detail = detail(text, context);
                assertTrue(PERMISSION_DENIED.contains(detail) || detail.startsWith("CSRF Failed: Origin checking failed - ")
                        || detail.startsWith("only ") || detail.startsWith("the object belongs to another user"), context);
            }
            case 404 -> assertTrue(Set.of("Not found.", "Invalid page.", "Invalid cursor").contains(detail(text, context))
                    && (paged || "Not found.".equals(detail(text, context))), context);
            case 405 -> {
                assertEquals("Method \"" + method + "\" not allowed.", detail(text, context), context);
                List<String> allowed = Arrays.stream(header(response, "Allow").split(",")).map(String::strip).toList();
                assertFalse(allowed.contains(method), context);
            }
            case 415 -> assertEquals("Unsupported media type \"" + contentType + "\" in request.", detail(text, context),
                    context);
            default -> fail("a status DRF does not answer here: " + context);
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** A body of exactly one {@code detail}. */
    private static String detail(String text, String context) throws Exception {
        JsonNode body = JSON.readTree(text);
        assertTrue(body.isObject() && body.has("detail"), context);
        return body.get("detail").asText();
    }

    /** {@code {"detail": "JSON parse error - …"}}, or each field (or non_field_errors) with a list of messages. */
    private static void assertValidationOrParseError(JsonNode body, String context) {
        assertTrue(body.isObject() && !body.isEmpty(), context);
        if (body.has("detail")) {
            assertTrue(body.get("detail").asText().startsWith("JSON parse error - "), context);
            return;
        }
        body.fields().forEachRemaining(field -> {
            assertTrue(field.getValue().isArray() && !field.getValue().isEmpty(), context);
            field.getValue().forEach(message -> assertTrue(message.isTextual() && !message.asText().isBlank(), context));
        });
    }

    /**
     * The 401 DRF answers for this header before anything else, by its own rules: TokenAuthentication first
     * (keyword in any case; one part, more than two, or an unknown key), then SimpleJWT ({@code Bearer} exactly;
     * not two parts, or a token that does not verify). Empty when the header authenticates, applies to neither,
     * or the view authenticates no one.
     */
    static Optional<String> refusedCredential(String path, String authorization, String validToken) {
        if (authorization == null || UNAUTHENTICATED_VIEWS.contains(path)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(Arrays.asList(authorization.strip().split("[ \\t\\n\\r\\u000b\\f]+")));
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.get(0).equalsIgnoreCase("Token")) {
            return switch (parts.size()) {
                case 1 -> Optional.of("Invalid token header. No credentials provided.");
                case 2 -> parts.get(1).equals(validToken) ? Optional.empty() : Optional.of("Invalid token.");
                default -> Optional.of("Invalid token header. Token string should not contain spaces.");
            };
        }
        if (parts.get(0).equals("Bearer")) {
            return Optional.of(parts.size() == 2 ? "Given token not valid for any token type"
                    : "Authorization header must contain two space-delimited values");
        }
        return Optional.empty();
    }
}
