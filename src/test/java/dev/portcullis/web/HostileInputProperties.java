package dev.portcullis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.authentication.BasicAuthentication;
import dev.portcullis.security.authentication.HeaderCredentials;
import dev.portcullis.security.authentication.JwtAuthentication;
import dev.portcullis.security.authentication.TokenAuthentication;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.AuthenticationFailure;
import dev.portcullis.security.core.ValidationError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For any {@code Authorization} header and any request body, the parsers answer as DRF does — a credential,
 * "does not apply", a DRF authentication failure, a parse error or a validation error — and nothing else.
 */
class HostileInputProperties {

    private static final List<Authenticator> HEADER_AUTHENTICATORS = List.of(new TokenAuthentication("Token"),
            new JwtAuthentication(), new BasicAuthentication());
    private static final Set<Integer> BODY_ERRORS = Set.of(400, 413, 415);

    /** Every way DRF's and SimpleJWT's header authenticators refuse a malformed header. */
    private static final Set<String> HEADER_FAILURES = Set.of(
            "Invalid token header. No credentials provided.",
            "Invalid token header. Token string should not contain spaces.",
            "Invalid token header. Token string should not contain invalid characters.",
            "Invalid basic header. No credentials provided.",
            "Invalid basic header. Credentials string should not contain spaces.",
            "Invalid basic header. Credentials not correctly base64 encoded.",
            "Authorization header must contain two space-delimited values");

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> keyword = Arbitraries.of("Token", "token", "Bearer", "bearer", "Basic", "JWT", "", " ");
        Arbitrary<String> base64 = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                .map(bytes -> Base64.getEncoder().encodeToString(bytes));
        return Arbitraries.oneOf(anything,
                Combinators.combine(keyword, anything).as((k, v) -> k + " " + v),
                Combinators.combine(keyword, Arbitraries.oneOf(base64, anything)).as((k, v) -> k + "\t" + v + " "),
                base64.map(b -> "Basic " + b));
    }

    @Property(tries = 5000)
    void headerAuthenticatorsAnswerOnlyAsDrfDoes(@ForAll("headers") String header) {
        for (Authenticator authenticator : HEADER_AUTHENTICATORS) {
            try {
                authenticator.parse(HeaderCredentials.authorization(header));
            } catch (AuthenticationFailure failure) {
                assertTrue(HEADER_FAILURES.contains(failure.detail()), failure.detail());
            }
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> value = Arbitraries.oneOf(text.map(t -> new ObjectMapper().valueToTree(t).toString()),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "[]", "{}",
                        "1e999", "-0", "\"\\ud800\"", "[[[[[[[[]]]]]]]]"));
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("title", "body", "published", "text",
                "username", "permission", "object_id", "password", "email"), value).as((k, v) -> "{\"" + k + "\": " + v + "}");
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3000)
                .map(depth -> "[".repeat(depth) + "]".repeat(depth));
        return Arbitraries.oneOf(text, value, object, nested, object.map(o -> o.substring(0, o.length() / 2)));
    }

    @Property(tries = 5000)
    void bodiesAreReadOrRefusedAsDrfDoes(@ForAll("bodies") String body,
                                         @ForAll("contentTypes") String contentType) throws Exception {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Type", contentType);
        Payload payload;
        try {
            payload = new PayloadReader(new ObjectMapper()).readFrom(Payload.class, Payload.class, new Annotation[0],
                    MediaType.WILDCARD_TYPE, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (ApiException refused) {
            assertTrue(BODY_ERRORS.contains(refused.status()), refused.status() + " " + refused.detail());
            return;
        }
        try {
            payload.text("title").maxLength(200).required();
            payload.text("body").allowBlank().keepWhitespace().optional("");
            payload.bool("published").optional(false);
            payload.primaryKey("object_id").optional();
            payload.validate();
        } catch (ValidationError invalid) {
            assertFalse(invalid.errors().isEmpty());
            invalid.errors().values().forEach(messages -> assertFalse(messages.isEmpty()));
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded",
                "text/plain", "application/vnd.api+json", "", "multipart/form-data; boundary=x");
    }
}
