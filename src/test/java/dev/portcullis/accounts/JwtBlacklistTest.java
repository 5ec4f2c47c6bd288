package dev.portcullis.accounts;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class JwtBlacklistTest {

    @Inject
    JwtBlacklist blacklist;

    @Test
    void aTokenIsBlacklistedOnceAndExpiredRowsAreForgotten() {
        // Ids of this run only: the database may hold the rows of an earlier run against the same server.
        String expiredId = "expired-" + UUID.randomUUID();
        String liveId = "live-" + UUID.randomUUID();
        JwtTokens.Claims expired = new JwtTokens.Claims(expiredId, null, "refresh", Instant.now().minusSeconds(60), null, null);
        JwtTokens.Claims live = new JwtTokens.Claims(liveId, null, "refresh", Instant.now().plusSeconds(600), null, null);

        assertFalse(blacklist.contains(liveId));
        assertTrue(blacklist.add(expired));
        assertTrue(blacklist.contains(expiredId));
        assertTrue(blacklist.add(live));
        assertFalse(blacklist.add(live), "a second blacklisting of the same token reports it was there already");
        assertFalse(blacklist.contains(expiredId), "rows of expired tokens are deleted");
        assertTrue(blacklist.contains(liveId));
    }
}
