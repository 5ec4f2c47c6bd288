package dev.portcullis.security.guard;

import dev.portcullis.security.core.ErrorWriter;
import dev.portcullis.security.core.Errors;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.hibernate.CallbackException;
import org.hibernate.Hibernate;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

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
public class SkippedObjectChecks implements PostLoadEventListener, PreUpdateEventListener, PersistEventListener,
        DeleteEventListener {

    private static final Logger LOG = Logger.getLogger(SkippedObjectChecks.class);

    /**
     * Registers the checks with Hibernate once, for every session. (As an {@code Interceptor} bean they were looked
     * up through CDI for every session Hibernate opened: 1.6 % of a page's CPU samples.) Named in
     * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}, which Quarkus reads at build time, and made
     * through its constructor at start-up, so a native executable keeps that for reflection.
     */
    @RegisterForReflection
    public static class Registration implements Integrator {

        @Override
        public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                              SessionFactoryImplementor sessionFactory) {
            SkippedObjectChecks checks = new SkippedObjectChecks();
            EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
            listeners.appendListeners(EventType.POST_LOAD, checks);
            listeners.appendListeners(EventType.PRE_UPDATE, checks);
            // Before Hibernate's own, so that a refused persist or remove is refused when it is asked for.
            listeners.prependListeners(EventType.PERSIST, checks);
            listeners.prependListeners(EventType.PERSIST_ONFLUSH, checks);
            listeners.prependListeners(EventType.DELETE, checks);
        }
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        if (event.getEntity() instanceof SelfDirtinessTracker tracked) {
            GuardContext context = currentContext();
            if (context != null) {
                context.loaded(tracked);
            }
        }
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        refuseWrite(event.getEntity());
        return false;
    }

    @Override
    public void onPersist(PersistEvent event) {
        refuseWrite(event.getObject());
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        refuseWrite(event.getObject());
    }

    @Override
    public void onDelete(DeleteEvent event) {
        refuseWrite(event.getObject());
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        refuseWrite(event.getObject());
    }

    private static void refuseWrite(Object entity) {
        GuardContext context = currentContext();
        if (context != null && context.objectCheckSkipped()) {
            String message = message(context.policy(), "wrote " + Hibernate.getClassLazy(entity).getSimpleName());
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
