package dev.portcullis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.security.authentication.BasicAuthentication;
import dev.portcullis.security.authentication.HeaderCredentials;
import dev.portcullis.security.authentication.JwtAuthentication;
import dev.portcullis.security.authentication.JwtRequest;
import dev.portcullis.security.authentication.OpaqueTokenRequest;
import dev.portcullis.security.authentication.TokenAuthentication;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.ValidationError;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
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
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated input with its expected answer: a well-formed {@code Authorization} header — any keyword case DRF
 * accepts, any ASCII whitespace around and between — is read as exactly the credential it carries (malformed
 * ones are {@link dev.portcullis.security.authentication.AuthorizationHeadersOracleTest}'s, against DRF's own
 * answers), and bodies are read or refused as DRF does.
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> BODY_ERRORS = Set.of(400, 413, 415);

    /** ASCII whitespace, which Python's {@code bytes.split()} (and so DRF) splits a header on. */
    private static final Arbitrary<String> SEPARATORS = Arbitraries.of(" ", "\t", "\u000b", "\f", "\r", "\n")
            .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts));
    private static final Arbitrary<String> EDGES = Arbitraries.oneOf(Arbitraries.just(""), SEPARATORS);

    /** A keyword as a client may write it: DRF's Token and Basic keywords are case-insensitive, SimpleJWT's is not. */
    private static Arbitrary<String> anyCase(String keyword) {
        return Arbitraries.integers().between(0, (1 << keyword.length()) - 1).map(mask -> {
            StringBuilder written = new StringBuilder();
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                written.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return written.toString();
        });
    }

    /** A header and the credential it carries: for Basic, the user id and password joined by a newline. */
    record WellFormed(String header, String credential) {
    }

    private static Arbitrary<WellFormed> wellFormed(Arbitrary<String> keyword, Arbitrary<String> credentials,
                                                    java.util.function.Function<String, String> encode) {
        return Combinators.combine(EDGES, keyword, SEPARATORS, credentials, EDGES).as((edge, written, separator,
                credential, end) -> new WellFormed(edge + written + separator + encode.apply(credential) + end, credential));
    }

    @Provide
    Arbitrary<WellFormed> tokenHeaders() {
        return wellFormed(anyCase("Token"), Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdef").ofLength(40),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60)), key -> key);
    }

    @Property(tries = 2000)
    void aWellFormedTokenHeaderIsReadAsExactlyItsKey(@ForAll("tokenHeaders") WellFormed token) {
        AuthenticationRequest request = new TokenAuthentication("Token")
                .parse(HeaderCredentials.authorization(token.header())).orElseThrow();
        assertEquals(token.credential(), ((OpaqueTokenRequest) request).key());
    }

    @Provide
    Arbitrary<WellFormed> bearerHeaders() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('-', '_').ofMinLength(1).ofMaxLength(40);
        return wellFormed(Arbitraries.just("Bearer"),
                Combinators.combine(segment, segment, segment).as((h, p, s) -> h + "." + p + "." + s), jwt -> jwt);
    }

    @Property(tries = 2000)
    void aWellFormedBearerHeaderIsReadAsExactlyItsToken(@ForAll("bearerHeaders") WellFormed bearer) {
        AuthenticationRequest request = new JwtAuthentication()
                .parse(HeaderCredentials.authorization(bearer.header())).orElseThrow();
        assertEquals(bearer.credential(), ((JwtRequest) request).token());
    }

    @Provide
    Arbitrary<WellFormed> basicHeaders() {
        return wellFormed(anyCase("Basic"), Combinators.combine(userIds(), passwords()).as((u, p) -> u + "\n" + p),
                credential -> Base64.getEncoder().encodeToString(credential.replaceFirst("\n", ":")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2000)
    void aWellFormedBasicHeaderIsReadAsExactlyItsUserAndPassword(@ForAll("basicHeaders") WellFormed basic) {
        UsernamePasswordAuthenticationRequest request = (UsernamePasswordAuthenticationRequest) new BasicAuthentication()
                .parse(HeaderCredentials.authorization(basic.header())).orElseThrow();
        assertEquals(basic.credential(), request.getUsername() + "\n" + new String(request.getPassword().getPassword()));
    }

    /** Any text but a colon (the first colon ends the user id) and lone surrogates (UTF-8 cannot carry them). */
    private static Arbitrary<String> userIds() {
        return passwords().filter(text -> text.indexOf(':') < 0 && text.indexOf('\n') < 0);
    }

    private static Arbitrary<String> passwords() {
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                .ofMaxLength(30);
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
        Payload payload;
        try {
            payload = read(body, contentType);
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

    /** A post's fields as a client sends them, and what DRF's serializer makes of them. */
    record ValidPost(String json, String title, String body, boolean published) {
    }

    @Provide
    Arbitrary<ValidPost> validPosts() {
        // No whitespace at either end of a title: DRF trims it, which its own table tests cover.
        Arbitrary<String> titles = Arbitraries.strings().withCharRange('!', '~').withCharRange('\u00a1', '\u024f')
                .withCharRange('\u4e00', '\u4e50').ofMinLength(1).ofMaxLength(200);
        Arbitrary<String> bodies = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(80);
        Arbitrary<Map.Entry<String, Boolean>> published = Arbitraries.oneOf(
                Arbitraries.of(true, false).map(b -> Map.entry(String.valueOf(b), b)),
                Arbitraries.of(0, 1).map(n -> Map.entry(String.valueOf(n), n == 1)),
                Arbitraries.of("t", "y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1")
                        .map(word -> Map.entry("\"" + word + "\"", true)),
                Arbitraries.of("f", "n", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0")
                        .map(word -> Map.entry("\"" + word + "\"", false)));
        return Combinators.combine(titles, bodies, published).as((title, body, flag) -> new ValidPost(
                "{\"title\": " + JSON.valueToTree(title) + ", \"body\": " + JSON.valueToTree(body)
                        + ", \"published\": " + flag.getKey() + "}", title, body, flag.getValue()));
    }

    @Property(tries = 2000)
    void aValidPostIsReadAsExactlyItsFields(@ForAll("validPosts") ValidPost post) throws Exception {
        Payload payload = read(post.json(), "application/json");
        String title = payload.text("title").maxLength(200).required();
        String body = payload.text("body").allowBlank().keepWhitespace().optional("");
        Boolean published = payload.bool("published").optional(false);
        payload.validate();
        assertEquals(new ValidPost(post.json(), post.title(), post.body(), post.published()),
                new ValidPost(post.json(), title, body, published));
    }

    private static Payload read(String body, String contentType) throws Exception {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Type", contentType);
        return new PayloadReader().readFrom(Payload.class, Payload.class, new Annotation[0],
                MediaType.WILDCARD_TYPE, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded",
                "text/plain", "application/vnd.api+json", "", "multipart/form-data; boundary=x");
    }
}
