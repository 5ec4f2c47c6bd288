package dev.portcullis.viewsets;

import dev.portcullis.web.Payload;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.Map;

/**
 * DRF's {@code ModelViewSet}: {@code list}, {@code create} (201), {@code retrieve}, {@code update},
 * {@code partial_update} and {@code destroy} (204), each in DRF's order — the object found and checked, then the
 * body validated, then saved — and each answer read back from the database, so it shows what was stored. The
 * hooks fill in what a request does not send (an owner) and what goes with a change (grants); they need not, and
 * cannot, save: saving is the viewset's.
 *
 * @param <E> the entity
 */
public abstract class ModelViewSet<E> extends ReadOnlyModelViewSet<E> {

    protected ModelViewSet(ModelSerializer<E> serializer) {
        super(serializer);
    }

    /**
     * DRF's {@code perform_create}, before the save: set what the request does not send (an owner is set by a
     * {@link Fields#currentUser} field).
     */
    protected void performCreate(E object) {
    }

    /** After the create is saved (the object has its id, and its {@link CreatorGrants}). */
    protected void afterCreate(E object) {
    }

    /** DRF's {@code perform_update}, before the save. */
    protected void performUpdate(E object) {
    }

    /**
     * DRF's {@code validate(attrs)}: checks across fields, run once every field (and its {@code validateX} hook) is
     * valid, before {@link #performCreate} or {@link #performUpdate}. Throw {@link #invalid} for
     * {@code non_field_errors}, or {@code ValidationError.of(field, message)} for one field; nothing is saved.
     * The per-field hook is a method {@code validateDueDate(LocalDate value)} for the field {@code due_date}, DRF's
     * {@code validate_due_date}: it returns the value to keep (or is {@code void}), and start-up refuses one that
     * names no writable field.
     */
    protected void validate(Attributes<E> attributes) {
    }

    /** DRF's {@code perform_destroy}, before the delete (grants on the object go with it, see {@link CreatorGrants}). */
    protected void performDestroy(E object) {
    }

    @POST
    @ResponseStatus(201)
    public Representation create(Payload payload) {
        EntityModel<E> model = model();
        E object = model.newInstance();
        Map<Field<?>, Object> values = validated(object, payload, false, true);
        model.write(object, values);
        EntityManager entityManager = support().entityManager;
        model.setCurrentUser(object, caller().id(), entityManager);
        performCreate(object);
        entityManager.persist(object);
        flush(values);
        support().grants.created(viewSetClass(), idOf(object), caller().id());
        afterCreate(object);
        return represent(object);
    }

    @PUT
    @Path("{id}/")
    public Representation update(@PathParam("id") String id, Payload payload) {
        return save(getObject(id), payload, false);
    }

    @PATCH
    @Path("{id}/")
    public Representation partialUpdate(@PathParam("id") String id, Payload payload) {
        return save(getObject(id), payload, true);
    }

    @DELETE
    @Path("{id}/")
    @ResponseStatus(204)
    public void destroy(@PathParam("id") String id) {
        E object = getObject(id);
        performDestroy(object);
        support().grants.destroyed(viewSetClass(), idOf(object));
        support().entityManager.remove(object);
    }

    private Map<Field<?>, Object> validated(E object, Payload payload, boolean partial, boolean created) {
        EntityModel<E> model = model();
        EntityManager entityManager = support().entityManager;
        model.readColumns(entityManager);
        Object current = created ? null : idOf(object);
        Map<Field<?>, Object> values = model.serializer().validate(payload, partial,
                (field, value) -> model.taken(entityManager, field, value, current), this, declarations().hooks());
        validate(new Attributes<>(model, values, object, created));
        return values;
    }

    private Representation save(E object, Payload payload, boolean partial) {
        EntityModel<E> model = model();
        Map<Field<?>, Object> values = validated(object, payload, partial, false);
        model.write(object, values);
        performUpdate(object);
        flush(values);
        return represent(object);
    }

    /** Writes the changes now, so that text too long for its column is a 400 on its field, not a 500. */
    private void flush(Map<Field<?>, Object> written) {
        try {
            support().entityManager.flush();
        } catch (PersistenceException e) {
            throw ConstraintErrors.tooLong(e, written).<RuntimeException>map(invalid -> invalid).orElse(e);
        }
    }
}
