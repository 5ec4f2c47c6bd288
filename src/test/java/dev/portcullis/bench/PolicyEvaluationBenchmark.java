package dev.portcullis.bench;

import dev.portcullis.api.permissions.IsOwnerOrReadOnly;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.security.permission.IsAdminUser;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.permission.Permission;
import dev.portcullis.security.permission.PermissionExpression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The guard's permission work without HTTP: what one request pays for its policy once it is resolved, and
 * what resolving a composition costs (done once per endpoint, at start-up). Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyEvaluationBenchmark {

    private static final Map<String, Permission> CLASSES = Map.of("IsAuthenticated", new IsAuthenticated(),
            "IsAdminUser", new IsAdminUser(), "IsOwnerOrReadOnly", new IsOwnerOrReadOnly(), "AllowAny", new AllowAny());

    private final Caller alice = new Caller(1L, "alice", false, false, Map.of("email_verified", true));
    private final AccessRequest put = new AccessRequest(alice, "PUT", "update", Map.of("id", "7"), "TokenAuthentication");
    private final Owned alicesPost = () -> 1L;
    private final List<Permission> ownerWrites = List.of(new IsAuthenticated(), new IsOwnerOrReadOnly());
    private final Permission adminOrOwner = parse("IsAdminUser | IsOwnerOrReadOnly");

    private static Permission parse(String expression) {
        return PermissionExpression.parse(expression, CLASSES::get);
    }

    /** The request-level checks of {@code update} on a post: IsAuthenticated, IsOwnerOrReadOnly. */
    @Benchmark
    public boolean requestLevelPolicy() {
        for (Permission permission : ownerWrites) {
            if (!Evaluation.check(permission, put).allowed()) {
                return false;
            }
        }
        return true;
    }

    /** The object-level checks of the same action on the caller's own post. */
    @Benchmark
    public boolean objectLevelPolicy() {
        for (Permission permission : ownerWrites) {
            if (!Evaluation.checkObject(permission, put, alicesPost).allowed()) {
                return false;
            }
        }
        return true;
    }

    /** DRF 3.14's {@code or} at object level: both operands' request and object checks. */
    @Benchmark
    public boolean composedOrOnObject() {
        return Evaluation.checkObject(adminOrOwner, put, alicesPost).allowed();
    }

    /** Resolving a declaration (start-up only). */
    @Benchmark
    public Permission parseExpression() {
        return parse("IsAdminUser | IsAuthenticated & ~IsOwnerOrReadOnly");
    }
}
