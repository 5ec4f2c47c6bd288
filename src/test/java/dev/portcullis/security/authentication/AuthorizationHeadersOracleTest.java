package dev.portcullis.security.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 3,000 {@code Authorization} headers of every shape — keywords in any case, every kind of whitespace, keys,
 * JWT-like strings, base64 whole, unpadded, over-padded or with junk inside, Latin-1 text — and what DRF 3.14's
 * {@code TokenAuthentication} and {@code BasicAuthentication} and SimpleJWT's {@code JWTAuthentication} made of
 * each: does not apply, the credential read, or the failure's exact words. Recorded from DRF itself by
 * {@code tools/drf/headers.py}; every row must come out the same here.
 */
class AuthorizationHeadersOracleTest {

    private static final Map<String, Authenticator> AUTHENTICATORS = Map.of("token", new TokenAuthentication("Token"),
            "jwt", new JwtAuthentication(), "basic", new BasicAuthentication());

    @Test
    void everyHeaderIsReadAsDrfReadsIt() throws IOException {
        List<String> differences = new ArrayList<>();
        int rows = 0;
        try (InputStream in = getClass().getResourceAsStream("/drf/authorization-headers.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode row = new ObjectMapper().readTree(line);
                String header = row.get("header").asText();
                AUTHENTICATORS.forEach((name, authenticator) -> {
                    String ours = outcome(authenticator, header);
                    if (!ours.equals(row.get(name).asText())) {
                        differences.add(name + " " + row.get("header") + ": DRF " + row.get(name) + ", here " + ours);
                    }
                });
                rows++;
            }
        }
        assertEquals(3000, rows);
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())),
                differences.size() + " answers differ from DRF's");
    }

    /** The outcome written as the oracle writes it. */
    private static String outcome(Authenticator authenticator, String header) {
        Optional<AuthenticationRequest> request;
        try {
            request = authenticator.parse(HeaderCredentials.authorization(header));
        } catch (AuthenticationFailure failure) {
            return "fail:" + failure.detail();
        }
        return request.map(AuthorizationHeadersOracleTest::credential).orElse("none");
    }

    private static String credential(AuthenticationRequest request) {
        if (request instanceof OpaqueTokenRequest token) {
            return "key:" + token.key();
        }
        if (request instanceof JwtRequest jwt) {
            return "token:" + jwt.token();
        }
        UsernamePasswordAuthenticationRequest basic = (UsernamePasswordAuthenticationRequest) request;
        return "user:" + basic.getUsername() + "\npassword:" + new String(basic.getPassword().getPassword());
    }
}
