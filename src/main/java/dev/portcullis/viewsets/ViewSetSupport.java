package dev.portcullis.viewsets;

import dev.portcullis.security.core.StartUpRefusal;
import dev.portcullis.security.guard.GuardContext;
import dev.portcullis.security.guard.ObjectAccess;
import dev.portcullis.security.guard.ObjectVisibility;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every viewset shares: the guard's decision, the persistence context, the request, the default pagination,
 * and each serializer bound to its entity. Every viewset is bound at start-up, so a serializer naming an attribute
 * the entity lacks, or a {@code getQueryset} that is not valid JPQL, stops start-up instead of a request (the
 * querysets are compiled by {@link QuerysetChecks}).
 */
@Startup
@Singleton
public class ViewSetSupport {

    final GuardContext guard;
    final ObjectAccess objects;
    final EntityManager entityManager;
    final ObjectGrants grants;
    private final CurrentVertxRequest request;
    private final EntityManagerFactory factory;
    private final Pagination defaultPagination;
    private final Map<ModelSerializer<?>, EntityModel<?>> models = new ConcurrentHashMap<>();
    private final Map<Class<?>, Declarations> declarations = new ConcurrentHashMap<>();
    private volatile ViewSetOperations operations;

    public ViewSetSupport(GuardContext guard, ObjectAccess objects, EntityManager entityManager, ObjectGrants grants,
                          EntityManagerFactory factory, CurrentVertxRequest request,
                          @ConfigProperty(name = "portcullis.pagination.class") String paginationClass,
                          @ConfigProperty(name = "portcullis.pagination.page-size") Optional<Long> pageSize,
                          @ConfigProperty(name = "portcullis.pagination.max-limit") Optional<Long> maxLimit) {
        this.guard = guard;
        this.objects = objects;
        this.entityManager = entityManager;
        this.grants = grants;
        this.request = request;
        this.factory = factory;
        this.defaultPagination = DefaultPagination.of(paginationClass, pageSize.orElse(null), maxLimit.orElse(null));
    }

    /**
     * Binds every viewset, once all beans can be created (a viewset injects this bean); then every relation field,
     * to the viewset that decides what its caller may link to; then has every queryset compiled.
     */
    void bindEveryViewSet(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
                          QuerysetChecks querysetChecks) {
        List<GenericViewSet<?>> viewSets = new ArrayList<>();
        try {
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (GenericViewSet.class.isAssignableFrom(bean.getBeanClass())) {
                    GenericViewSet<?> viewSet = (GenericViewSet<?>) Arc.container().instance(bean.getBeanClass()).get();
                    inViewSet(viewSet, () -> bindAtStartup(viewSet));
                    viewSets.add(viewSet);
                }
            }
            // Looked up, not injected: the policies it reads are resolved from the viewsets, which inject this bean.
            ObjectVisibility visibility = Arc.container().instance(ObjectVisibility.class).get();
            ViewSetSchemas schemas = new ViewSetSchemas(viewSets);
            RelatedScopes scopes = new RelatedScopes(viewSets, visibility, entityManager, factory.getMetamodel(), schemas);
            for (GenericViewSet<?> viewSet : viewSets) {
                scopes.bind(viewSet);
            }
            operations = new ViewSetOperations(schemas, List.copyOf(viewSets));
        } catch (RuntimeException e) {
            StartUpRefusal.print(e);
            throw e;
        }
        querysetChecks.run(() -> viewSets.forEach(viewSet -> inViewSet(viewSet, () -> checkQueryset(viewSet))));
    }

    private void bindAtStartup(GenericViewSet<?> viewSet) {
        ObjectGrants.check(viewSet.viewSetClass());
        EntityModel<?> model = models.computeIfAbsent(viewSet.serializer(), s -> EntityModel.bind(s, factory));
        Declarations declared = declarations.computeIfAbsent(viewSet.viewSetClass(), type -> new Declarations(
                ListFilters.declaredOn(type, viewSet.serializer(), factory.getMetamodel(), model.columnsByName()),
                ValidationHooks.declaredOn(type, viewSet.serializer())));
        if (viewSet.pagination() instanceof CursorPagination cursor) {
            model.fieldIndex(cursor.field());
            if (declared.filters().ordersLists()) {
                throw new IllegalStateException("@OrderingFields and a CursorPagination both order the list: "
                        + "a cursor pages in its own order, so declare one or the other");
            }
        }
    }

    private void checkQueryset(GenericViewSet<?> viewSet) {
        EntityManager scratch = factory.createEntityManager();
        try {
            viewSet.checkQueryset(models.get(viewSet.serializer()), scratch);
        } finally {
            scratch.close();
        }
    }

    /** Runs a step of a viewset's binding, naming the viewset in what it throws. */
    private static void inViewSet(GenericViewSet<?> viewSet, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Invalid viewset " + viewSet.viewSetClass().getSimpleName() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }

    /** How the viewsets' objects and operations are described in the OpenAPI document. */
    public ViewSetOperations openApi() {
        return operations;
    }

    /** The bound serializer (bound now if a viewset of a narrower scope than singleton made a new one). */
    @SuppressWarnings("unchecked")
    <E> EntityModel<E> model(ModelSerializer<E> serializer) {
        return (EntityModel<E>) models.computeIfAbsent(serializer, s -> EntityModel.bind(s, factory));
    }

    /** What a viewset class declares, bound at start-up. */
    Declarations declarations(Class<?> viewSet) {
        Declarations bound = declarations.get(viewSet);
        if (bound == null) {
            throw new IllegalStateException(viewSet.getSimpleName() + " was not bound at start-up");
        }
        return bound;
    }

    Pagination defaultPagination() {
        return defaultPagination;
    }

    boolean requestInProgress() {
        return request.getCurrent() != null;
    }

    /** The request's query parameters (none parsed when it has no query string). */
    QueryParameters queryParameters() {
        return QueryParameters.parse(request.getCurrent().request().query());
    }

    PageRequest pageRequest() {
        return PageRequest.of(request.getCurrent().request());
    }
}
