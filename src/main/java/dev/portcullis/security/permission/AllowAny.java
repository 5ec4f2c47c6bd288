package dev.portcullis.security.permission;

import dev.portcullis.security.core.AccessRequest;
import jakarta.inject.Singleton;

/** DRF's {@code AllowAny}: always. */
@Singleton
public class AllowAny implements Permission, NonBlocking {

    @Override
    public boolean hasPermission(AccessRequest request) {
        return true;
    }
}
