package dev.portcullis.viewsets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * DRF's {@code ReadOnlyModelViewSet}: {@code list} on the viewset's path and {@code retrieve} on {@code {id}/}.
 * Annotate the subclass with {@code @ViewSet} and {@code @Path}.
 *
 * @param <E> the entity
 */
public abstract class ReadOnlyModelViewSet<E> extends GenericViewSet<E> {

    protected ReadOnlyModelViewSet(ModelSerializer<E> serializer) {
        super(serializer);
    }

    @GET
    public Object list() {
        return listObjects();
    }

    @GET
    @Path("{id}/")
    public Representation retrieve(@PathParam("id") String id) {
        return load(id).representation();
    }
}
