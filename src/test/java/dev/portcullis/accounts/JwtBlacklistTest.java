package dev.portcullis.accounts;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class JwtBlacklistTest {

    @Inject
    JwtBlacklist blacklist;

    @Test
    void aTokenIsBlacklistedOnceAndExpiredRowsAreForgotten() {
        JwtTokens.Claims expired = new JwtTokens.Claims("expired-jti", null, "refresh", Instant.now().minusSeconds(60));
        JwtTokens.Claims live = new JwtTokens.Claims("live-jti", null, "refresh", Instant.now().plusSeconds(600));

        assertTrue(blacklist.add(expired));
        assertTrue(blacklist.contains("expired-jti"));
        assertTrue(blacklist.add(live));
        assertFalse(blacklist.add(live), "a second blacklisting of the same token reports it was there already");
        assertFalse(blacklist.contains("expired-jti"), "rows of expired tokens are deleted");
        assertTrue(blacklist.contains("live-jti"));
    }
}
