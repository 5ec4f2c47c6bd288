package dev.portcullis.security.guard;

import dev.portcullis.security.core.ErrorWriter;
import dev.portcullis.security.core.Errors;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.hibernate.CallbackException;
import org.hibernate.Interceptor;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.type.Type;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.Serializable;

/**
 * Two silent mistakes a resource method can make, made loud. <b>An object check cannot be skipped.</b> On an endpoint whose permission classes have object-level rules and whose
 * path names an object, the method must load the object through {@link ObjectAccess} (DRF's {@code get_object()}),
 * or declare {@link NoObject}. One that writes an entity without it is stopped before its transaction commits
 * (nothing is saved); one that answers without it has its answer replaced: a 500, and an error in the log naming
 * the endpoint — a failed test in development, a refused request in production, never a silent pass.
 * <b>A change cannot be lost.</b> An entity the request loaded and changed outside a transaction is never saved (a
 * PATCH without {@code @Transactional} would answer 200 with the new values and store nothing); an answer that
 * leaves such a change behind is replaced the same way, naming the entity and its changed attributes. Viewsets run
 * their unsafe actions in a transaction, so only hand-written methods meet this.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SkippedObjectChecks implements Interceptor, Serializable {

    private static final Logger LOG = Logger.getLogger(SkippedObjectChecks.class);

    @Override
    public boolean onLoad(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        if (entity instanceof SelfDirtinessTracker tracked) {
            GuardContext context = currentContext();
            if (context != null) {
                context.loaded(tracked);
            }
        }
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        refuseWrite(entity);
        return false;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        refuseWrite(entity);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        refuseWrite(entity);
    }

    private static void refuseWrite(Object entity) {
        GuardContext context = currentContext();
        if (context != null && context.objectCheckSkipped()) {
            String message = message(context.policy(), "wrote " + entity.getClass().getSimpleName());
            LOG.error(message);
            throw new CallbackException(message);
        }
    }

    /** The guard's view of the current request, or {@code null} outside one (a job, a command, start-up). */
    private static GuardContext currentContext() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        GuardContext context = Arc.container().instance(GuardContext.class).get();
        return context.decided() ? context : null;
    }

    /** The endpoint as a log line names it: resource, method, path and action. */
    private static String endpoint(EndpointPolicy policy) {
        return policy.resource() + " " + policy.httpMethod() + " " + policy.path() + " (action '" + policy.action() + "')";
    }

    static String message(EndpointPolicy policy, String what) {
        return endpoint(policy) + " " + what + " without loading its object through ObjectAccess.getObject(...), so the object-level "
                + "checks of " + String.join(", ", policy.permissionNames()) + " never ran. Load the object with "
                + "ObjectAccess (DRF's get_object()), or declare @NoObject on a method that acts on none.";
    }

    /** The answer of an endpoint that skipped its object check is not sent. */
    public static class Answers {

        private final GuardContext context;
        private final ErrorWriter errors;

        public Answers(GuardContext context, ErrorWriter errors) {
            this.context = context;
            this.errors = errors;
        }

        @ServerResponseFilter
        public void refuseAnswer(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() >= 300 || !context.decided()) {
                return;
            }
            if (context.objectCheckSkipped()) {
                refuse(request, response, message(context.policy(), "answered " + response.getStatus()));
            } else {
                context.unsavedChange().ifPresent(entity -> refuse(request, response, unsaved(context.policy(), entity)));
            }
        }

        private void refuse(ContainerRequestContext request, ContainerResponseContext response, String message) {
            LOG.error(message);
            Response refused = errors.toResponse(Errors.serverError(), request.getHeaderString("Accept"));
            response.setStatus(refused.getStatus());
            response.setEntity(refused.getEntity());
            response.getHeaders().putSingle("Content-Type", refused.getMediaType());
        }

        private static String unsaved(EndpointPolicy policy, SelfDirtinessTracker entity) {
            return endpoint(policy) + " changed " + entity.getClass().getSimpleName() + " "
                    + java.util.Arrays.toString(entity.$$_hibernate_getDirtyAttributes()) + " outside a transaction, "
                    + "so nothing was saved. Annotate the method @Transactional (a viewset's unsafe actions have one).";
        }
    }
}
