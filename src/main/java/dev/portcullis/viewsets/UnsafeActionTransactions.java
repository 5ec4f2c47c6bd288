package dev.portcullis.viewsets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HttpMethod;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the unsafe actions of a viewset in a transaction (see {@link UnsafeActionsInTransaction}); a write a database
 * constraint refuses rolls back and is answered 400.
 */
@UnsafeActionsInTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class UnsafeActionTransactions {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Map<Method, Boolean> unsafe = new ConcurrentHashMap<>();

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        if (!unsafe.computeIfAbsent(invocation.getMethod(), UnsafeActionTransactions::isUnsafeAction)) {
            return invocation.proceed();
        }
        try {
            return QuarkusTransaction.joiningExisting().call(invocation::proceed);
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            throw refusedByConstraint(e.getCause() instanceof Exception cause ? cause : e, invocation.getTarget());
        } catch (RuntimeException e) {
            throw refusedByConstraint(e, invocation.getTarget());
        }
    }

    /** A constraint the database enforced, as DRF's 400 (see {@link ConstraintErrors}); anything else as it is. */
    private static Exception refusedByConstraint(Exception error, Object target) {
        if (target instanceof GenericViewSet<?> viewSet) {
            return ConstraintErrors.of(error, viewSet.serializer()).<Exception>map(invalid -> invalid).orElse(error);
        }
        return error;
    }

    private static boolean isUnsafeAction(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return !SAFE.contains(httpMethod.value());
            }
        }
        return false;
    }
}
