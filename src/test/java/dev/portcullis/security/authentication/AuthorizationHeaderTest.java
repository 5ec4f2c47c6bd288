package dev.portcullis.security.authentication;

import dev.portcullis.security.core.AuthenticationFailure;
import dev.portcullis.security.core.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationHeaderTest {

    private static Credentials header(String value) {
        return HeaderCredentials.authorization(value);
    }

    @ParameterizedTest(name = "[{0}] splits into {1} parts")
    @CsvSource(value = {
            "Token abc|2", "'  Token   abc  '|2", "Token\tabc|2", "Token|1", "''|0", "Token a b|3",
    }, delimiter = '|')
    void splitsOnAsciiWhitespaceAsPython(String value, int parts) {
        assertEquals(parts, AuthorizationHeader.split(value).size());
    }

    /**
     * The bytes of each part, in hex: ISO-8859-1 as on the wire, or UTF-8 throughout when a character lies beyond
     * it (as the whole header would be encoded before Python splits it).
     */
    @ParameterizedTest(name = "[{0}] splits into [{1}]")
    @CsvSource(value = {
            "Token abc               | 546f6b656e 616263",
            "Token \u00e9            | 546f6b656e e9",
            "Token \u20ac            | 546f6b656e e282ac",
            "Token \u00e9 \u20ac     | 546f6b656e c3a9 e282ac",
            "Token\u00a0abc          | 546f6b656ea0616263",
            "'  a\u000bb\u000cc\r\n'  | 61 62 63",
            "\u0085x                 | 8578",
    }, delimiter = '|')
    void splitsIntoTheBytesPythonSplits(String value, String hexParts) {
        List<String> parts = AuthorizationHeader.split(value).stream().map(HexFormat.of()::formatHex).toList();
        assertEquals(List.of(hexParts.split(" ")), parts);
    }

    @ParameterizedTest(name = "TokenAuthentication reads [{0}] as key [{1}]")
    @CsvSource(value = {"Token abc|abc", "token abc|abc", "TOKEN abc|abc", "ToKeN\tabc|abc"}, delimiter = '|')
    void tokenKeywordIsCaseInsensitive(String value, String key) {
        OpaqueTokenRequest request = (OpaqueTokenRequest) new TokenAuthentication("Token").parse(header(value)).orElseThrow();
        assertEquals(key, request.key());
    }

    @ParameterizedTest(name = "TokenAuthentication does not apply to [{0}]")
    @CsvSource(value = {"Bearer abc", "abc123", "Tokens abc", "Basic YTpi", "''", "Token-abc", "'   '", "Toke",
            "To\u212Aen abc", "\u0130oken abc", "Tok\u00e9n abc", "Token\u00a0abc"}, delimiter = '|')
    void otherKeywordsDoNotApply(String value) {
        assertTrue(new TokenAuthentication("Token").parse(header(value)).isEmpty());
    }

    @ParameterizedTest(name = "[{0}] fails: {1}")
    @CsvSource(value = {
            "Token|Invalid token header. No credentials provided.",
            "'Token   '|Invalid token header. No credentials provided.",
            "Token a b|Invalid token header. Token string should not contain spaces.",
            "Token \u00ff\u00fe|Invalid token header. Token string should not contain invalid characters.",
    }, delimiter = '|')
    void malformedTokenHeadersFailWithDrfWords(String value, String detail) {
        AuthenticationFailure failure = assertThrows(AuthenticationFailure.class,
                () -> new TokenAuthentication("Token").parse(header(value)));
        assertEquals(detail, failure.detail());
    }

    @ParameterizedTest(name = "Basic [{0}] fails: {1}")
    @CsvSource(value = {
            "Basic|Invalid basic header. No credentials provided.",
            "Basic a b|Invalid basic header. Credentials string should not contain spaces.",
            "Basic abc|Invalid basic header. Credentials not correctly base64 encoded.",
            "basic QQ|Invalid basic header. Credentials not correctly base64 encoded.",
    }, delimiter = '|')
    void malformedBasicHeadersFailWithDrfWords(String value, String detail) {
        AuthenticationFailure failure = assertThrows(AuthenticationFailure.class,
                () -> new BasicAuthentication().parse(header(value)));
        assertEquals(detail, failure.detail());
    }

    /** Read in place only when splitting would give just the keyword and the credential, in printable ASCII. */
    @ParameterizedTest(name = "[{0}] read in place: [{1}]")
    @CsvSource(value = {
            "Token abc|abc", "token abc|abc", "Token a~!|a~!",
            "Token|", "'Token '|", "'Token  abc'|", "' Token abc'|", "Token\tabc|", "'Token abc '|", "Token a b|",
            "Token ab\u00e9|", "Token ab\u007f|", "Token ab\u20ac|", "Token ab?|", "Tokens abc|", "Toke abc|", "Bearer abc|",
    }, delimiter = '|')
    void aPlainHeaderIsReadInPlace(String value, String credential) {
        assertEquals(Optional.ofNullable(credential), AuthorizationHeader.plainCredential(header(value), "Token", true));
    }

    @ParameterizedTest(name = "a configured keyword [{0}] is honoured")
    @CsvSource({"Key", "ApiKey", "Zone"})
    void keywordIsConfigurable(String keyword) {
        TokenAuthentication authentication = new TokenAuthentication(keyword);
        assertTrue(authentication.parse(header(keyword.toLowerCase() + " k")).isPresent());
        assertTrue(authentication.parse(header(keyword.toUpperCase() + " k")).isPresent());
        assertTrue(authentication.parse(header("Token k")).isEmpty());
        assertEquals(keyword, authentication.wwwAuthenticate());
    }

    @ParameterizedTest(name = "bytes of [{0}] decode as UTF-8: {1}")
    @CsvSource({"abc, true", "\u00e9, false"})
    void decodesStrictUtf8(String latin1, boolean valid) {
        List<byte[]> parts = AuthorizationHeader.split("Token " + latin1);
        assertEquals(valid, AuthorizationHeader.decodeUtf8(parts.get(1)).isPresent());
        assertEquals(latin1.getBytes(StandardCharsets.ISO_8859_1).length, parts.get(1).length);
        assertTrue(Caller.ANONYMOUS.toString().equals("anonymous"));
    }
}
