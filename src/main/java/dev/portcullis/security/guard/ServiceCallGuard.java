package dev.portcullis.security.guard;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces {@link Permissions} on the methods of CDI beans that are not resources — the same classes, messages,
 * log, counter and explanations as for an endpoint. A resource method is not checked again: the HTTP filters did
 * it before the body was read. Runs before {@code @Transactional}, so a refused call opens no transaction.
 */
@Permissions
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ServiceCallGuard {

    private final PolicyRegistry registry;
    private final Guard guard;
    private final GuardContext context;

    @Inject
    public ServiceCallGuard(PolicyRegistry registry, Guard guard, GuardContext context) {
        this.registry = registry;
        this.guard = guard;
        this.context = context;
    }

    @AroundInvoke
    Object enforce(InvocationContext invocation) throws Exception {
        PolicyRegistry.CallPolicy call = registry.callPolicy(invocation.getMethod());
        if (call == null && !registry.isResource(invocation.getTarget())) {
            // Fail closed: a guarded method whose policy was not resolved (a bean the build did not list, which a
            // packaged application's guard does not read) is refused rather than run unchecked.
            throw new IllegalStateException("No security policy was resolved for " + invocation.getMethod()
                    + ": a packaged application reads the classes the build lists in " + DeclaredClasses.RESOURCE
                    + " (and a native one keeps them for reflection); build it with Maven, whose process-classes "
                    + "phase lists every class with security declarations");
        }
        if (call != null) {
            ManagedContext requestContext = Arc.container().requestContext();
            GuardContext request = requestContext.isActive() && context.decided() ? context : null;
            guard.checkCall(call, request, invocation.getParameters());
        }
        return invocation.proceed();
    }
}
