package dev.portcullis.accounts.external;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code kid} of a compact JWS, read from its header alone — without parsing or verifying anything else, so that
 * telling the service's own tokens from a provider's costs next to nothing. What it reads decides only which class
 * verifies the token; both verify it whole.
 */
final class JwsHeaders {

    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"\\\\]*)\"");

    private JwsHeaders() {
    }

    /** The header's key id, or {@code null} when it names none or cannot be read. */
    static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            Matcher kid = KID.matcher(header);
            return kid.find() ? kid.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
