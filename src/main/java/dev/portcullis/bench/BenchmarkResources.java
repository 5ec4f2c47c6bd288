package dev.portcullis.bench;

import dev.portcullis.security.guard.Unguarded;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;

/**
 * Comparison points for the benchmark, built only with {@code -Dquarkus.profile=bench}: the same JSON as
 * {@code /api/private/} without the guard, and behind Quarkus's own smallrye-jwt mechanism.
 */
public final class BenchmarkResources {

    private BenchmarkResources() {
    }

    /** The same answer as {@code /api/private/}, with no guard at all: the baseline. */
    @IfBuildProfile(Unguarded.PROFILE)
    @Unguarded
    @Path("/bench/baseline/")
    public static class Baseline {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }

    /** What a Quarkus user would write without Portcullis: {@code @Authenticated} and smallrye-jwt's mechanism. */
    @IfBuildProfile(Unguarded.PROFILE)
    @Unguarded
    @Authenticated
    @Path("/bench/quarkus-jwt/")
    public static class QuarkusJwt {
        @GET
        public Map<String, String> get() {
            return Map.of("data", "sensitive");
        }
    }
}
