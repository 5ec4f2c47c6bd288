package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/**
 * A viewset's operations in the OpenAPI document, as drf-spectacular writes a DRF viewset's: the body each write
 * takes, the object each action answers, and for a list the paginator's envelope and the query parameters of
 * pagination, filters, search and ordering. The answers that refuse are the guard's to describe.
 */
public final class ViewSetOperations {

    /** The schemas of DRF's error bodies ({@code {"detail": …}}) and validation errors ({@code {"field": [...]}}). */
    public static final String ERROR = "Error";
    public static final String VALIDATION_ERROR = "ValidationError";
    private static final String JSON = "application/json";

    private final ViewSetSchemas schemas;
    private final List<GenericViewSet<?>> viewSets;

    ViewSetOperations(ViewSetSchemas schemas, List<GenericViewSet<?>> viewSets) {
        this.schemas = schemas;
        this.viewSets = viewSets;
    }

    /** Adds every viewset's object schemas to the document's components. */
    public void addSchemas(Components components) {
        viewSets.stream().sorted(java.util.Comparator.comparing(viewSet -> schemas.nameOf(viewSet.viewSetClass())))
                .forEach(viewSet -> schemas.addTo(components, viewSet));
        Schema link = Schemas.text("uri").addType(Schema.SchemaType.NULL);
        components.addSchema("Paginated", Schemas.of(Schema.SchemaType.OBJECT)
                .addProperty("count", Schemas.of(Schema.SchemaType.INTEGER).format("int64"))
                .addProperty("next", link).addProperty("previous", link)
                .required(List.of("count", "next", "previous", "results")));
        components.addSchema("CursorPaginated", Schemas.of(Schema.SchemaType.OBJECT)
                .addProperty("next", link).addProperty("previous", link)
                .required(List.of("next", "previous", "results")));
    }

    /**
     * Describes one operation of a resource, if it is a viewset's.
     *
     * @param action the action the guard resolved for the operation ({@code list}, {@code create}, …, or an extra one)
     */
    public void describe(Object resource, String action, Operation operation) {
        if (!(resource instanceof GenericViewSet<?> viewSet)) {
            return;
        }
        String name = schemas.nameOf(viewSet.viewSetClass());
        switch (action) {
            case "list" -> {
                parameters(viewSet, operation);
                answer(operation, "200", list(viewSet.pagination(), name));
                listErrors(viewSet, operation);
            }
            case "retrieve" -> {
                answer(operation, "200", Schemas.ref(name));
                filterErrors(viewSet, operation);
            }
            case "create" -> write(operation, name + "Request", "201", name);
            case "update" -> write(operation, name + "Request", "200", name);
            case "partial_update" -> write(operation, "Patched" + name + "Request", "200", name);
            case "destroy" -> {
                operation.setResponses(OASFactory.createAPIResponses());
                operation.getResponses().addAPIResponse("204", OASFactory.createAPIResponse().description("No content"));
                filterErrors(viewSet, operation);
            }
            default -> {
                answer(operation, "200", Schemas.ref(name));
                filterErrors(viewSet, operation);
            }
        }
    }

    /**
     * A filter's value it cannot read is a 400, on the list and on every lookup of one object (DRF's
     * {@code get_object()} filters the queryset as the list does).
     */
    private static void filterErrors(GenericViewSet<?> viewSet, Operation operation) {
        if (!viewSet.declarations().filters().parameterNames().isEmpty()) {
            operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("A filter's value it cannot read, with django-filter's message.")
                    .content(content(Schemas.ref(VALIDATION_ERROR))));
        }
    }

    /** A filter's bad value is 400; a page or cursor that is not there 404. */
    private static void listErrors(GenericViewSet<?> viewSet, Operation operation) {
        filterErrors(viewSet, operation);
        Pagination pagination = viewSet.pagination();
        if (pagination instanceof PageNumberPagination || pagination instanceof CursorPagination) {
            operation.getResponses().addAPIResponse("404", OASFactory.createAPIResponse()
                    .description(pagination instanceof CursorPagination ? "Invalid cursor" : "Invalid page.")
                    .content(content(Schemas.ref(ERROR))));
        }
    }

    private static void write(Operation operation, String body, String status, String answered) {
        operation.setRequestBody(OASFactory.createRequestBody().required(true).content(content(Schemas.ref(body))));
        answer(operation, status, Schemas.ref(answered));
    }

    private static void answer(Operation operation, String status, Schema schema) {
        APIResponses responses = OASFactory.createAPIResponses();
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description("201".equals(status) ? "Created"
                : "OK").content(content(schema)));
        operation.setResponses(responses);
    }

    private static Content content(Schema schema) {
        return OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType().schema(schema));
    }

    /** The list as the paginator answers it: the envelope, or the plain list when no page size is set. */
    private static Schema list(Pagination pagination, String name) {
        Schema objects = Schemas.of(Schema.SchemaType.ARRAY).items(Schemas.ref(name));
        Schema page = OASFactory.createSchema().addAllOf(Schemas.ref("Paginated"))
                .addAllOf(Schemas.of(Schema.SchemaType.OBJECT).addProperty("results", objects));
        if (pagination instanceof CursorPagination) {
            return OASFactory.createSchema().addAllOf(Schemas.ref("CursorPaginated"))
                    .addAllOf(Schemas.of(Schema.SchemaType.OBJECT).addProperty("results", objects));
        }
        if (pagination instanceof LimitOffsetPagination limitOffset && limitOffset.defaultLimit() == null) {
            // Without a limit the plain list; with one, the envelope (the limit parameter says so). Not a oneOf of
            // the two: client generators cannot decode an array among a oneOf's choices.
            return objects;
        }
        return page;
    }

    private static void parameters(GenericViewSet<?> viewSet, Operation operation) {
        Pagination pagination = viewSet.pagination();
        if (pagination instanceof LimitOffsetPagination) {
            query(operation, LimitOffsetPagination.LIMIT, "Number of results to return per page."
                    + (((LimitOffsetPagination) pagination).defaultLimit() == null ? " Without it the answer is the "
                    + "plain list; with it, a page: {count, next, previous, results} (the Paginated schema)." : ""),
                    integer());
            query(operation, LimitOffsetPagination.OFFSET, "The initial index from which to return the results.", integer());
        } else if (pagination instanceof PageNumberPagination) {
            query(operation, PageNumberPagination.PAGE, "A page number within the paginated result set.", integer());
        } else if (pagination instanceof CursorPagination) {
            query(operation, CursorPagination.CURSOR, "The pagination cursor value.", Schemas.of(Schema.SchemaType.STRING));
        }
        ListFilters filters = viewSet.declarations().filters();
        filters.parameterNames().forEach(parameter -> query(operation, parameter, null, Schemas.of(Schema.SchemaType.STRING)));
        if (filters.searches()) {
            query(operation, ListFilters.SEARCH, "A search term.", Schemas.of(Schema.SchemaType.STRING));
        }
        if (filters.ordersLists()) {
            query(operation, ListFilters.ORDERING, "Which field to use when ordering the results: "
                    + String.join(", ", filters.orderingNames()) + " (- for descending).", Schemas.of(Schema.SchemaType.STRING));
        }
    }

    private static Schema integer() {
        return Schemas.of(Schema.SchemaType.INTEGER);
    }

    private static void query(Operation operation, String name, String description, Schema schema) {
        operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY).required(false)
                .description(description).schema(schema));
    }
}
