package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.core.ValidationError;
import jakarta.persistence.metamodel.Metamodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A viewset's filter backends — django-filter's {@code DjangoFilterBackend}, DRF's {@code SearchFilter} and
 * {@code OrderingFilter} — read from its {@link FilterFields}, {@link Filter}, {@link SearchFields} and
 * {@link OrderingFields} and bound to its entity at start-up. For a request they give a condition that narrows
 * the viewset's scoped query (never widens it) and the order of the list.
 */
final class ListFilters {

    static final String SEARCH = "search";
    static final String ORDERING = "ordering";

    /** A viewset that declares none of them. */
    static final ListFilters NONE = new ListFilters(List.of(), List.of(), Map.of(), List.of());

    private final List<LookupFilter> filters;
    private final List<SearchTarget> search;
    private final Map<String, String> ordering;
    private final List<String> defaultOrdering;

    private ListFilters(List<LookupFilter> filters, List<SearchTarget> search, Map<String, String> ordering,
                        List<String> defaultOrdering) {
        this.filters = filters;
        this.search = search;
        this.ordering = ordering;
        this.defaultOrdering = defaultOrdering;
    }

    /**
     * The declarations of a viewset class, checked: every field must exist on the entity, every lookup apply to
     * it, every ordering field be a serializer field.
     *
     * @param columns the list's column expression of each serializer field, by name
     */
    static ListFilters declaredOn(Class<?> viewSet, ModelSerializer<?> serializer, Metamodel metamodel,
                                  Map<String, String> columns) {
        FilterFields fields = viewSet.getAnnotation(FilterFields.class);
        Filter[] named = viewSet.getAnnotationsByType(Filter.class);
        SearchFields searchFields = viewSet.getAnnotation(SearchFields.class);
        OrderingFields orderingFields = viewSet.getAnnotation(OrderingFields.class);
        if (fields == null && named.length == 0 && searchFields == null && orderingFields == null) {
            return NONE;
        }
        List<LookupFilter> filters = new ArrayList<>();
        for (String name : fields == null ? new String[0] : fields.value()) {
            Optional<Lookup> suffix = Lookup.suffixOf(name);
            String field = suffix.isPresent() ? name.substring(0, name.lastIndexOf("__")) : name;
            Lookup lookup = suffix.orElse(Lookup.EXACT);
            filters.add(LookupFilter.bind(name, field, lookup, serializer, metamodel, filters.size()));
        }
        for (Filter filter : named) {
            Lookup lookup = Lookup.named(filter.lookup()).orElseThrow(() -> new IllegalStateException("@Filter '"
                    + filter.name() + "': no lookup '" + filter.lookup() + "' (" + Arrays.toString(Lookup.values())
                    .toLowerCase(Locale.ROOT) + ")"));
            filters.add(LookupFilter.bind(filter.name(), filter.field(), lookup, serializer, metamodel,
                    filters.size()));
        }
        List<SearchTarget> search = new ArrayList<>();
        for (String name : searchFields == null ? new String[0] : searchFields.value()) {
            search.add(SearchTarget.bind(name, serializer.model(), metamodel));
        }
        Map<String, String> ordering = new LinkedHashMap<>();
        List<String> defaults = new ArrayList<>();
        if (orderingFields != null) {
            for (String name : orderingFields.value()) {
                String column = columns.get(name);
                if (column == null) {
                    throw new IllegalStateException("@OrderingFields: '" + name + "' is not a field of the "
                            + serializer.model().getSimpleName() + " serializer (a list orders by what it shows)");
                }
                ordering.put(name, column);
            }
            for (String term : orderingFields.byDefault()) {
                String name = term.startsWith("-") ? term.substring(1) : term;
                if (!ordering.containsKey(name)) {
                    throw new IllegalStateException("@OrderingFields: the default '" + term
                            + "' is not one of the fields a client may order by " + ordering.keySet());
                }
                defaults.add(term);
            }
        }
        return new ListFilters(List.copyOf(filters), List.copyOf(search), Map.copyOf(ordering), List.copyOf(defaults));
    }

    boolean isEmpty() {
        return this == NONE;
    }

    boolean ordersLists() {
        return !ordering.isEmpty();
    }

    /** The query parameters of the filters, as a client sends them. */
    List<String> parameterNames() {
        return filters.stream().map(LookupFilter::name).toList();
    }

    boolean searches() {
        return !search.isEmpty();
    }

    /** The fields a client may order by. */
    java.util.SortedSet<String> orderingNames() {
        return new java.util.TreeSet<>(ordering.keySet());
    }

    /** The filters and the search of a request, as one condition; DRF's 400 for a value a filter cannot read. */
    QueryRestriction restrict(QueryParameters query) {
        QueryRestriction restriction = QueryRestriction.NONE;
        if (query.isEmpty()) {
            return restriction;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (LookupFilter filter : filters) {
            try {
                restriction = restriction.and(filter.restrict(query));
            } catch (Field.Invalid invalid) {
                errors.put(filter.name(), invalid.messages());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationError(errors);
        }
        return restriction.and(searchRestriction(query));
    }

    /** {@code SearchFilter}: every term found in some field. */
    private QueryRestriction searchRestriction(QueryParameters query) {
        List<String> terms = query.last(SEARCH).map(ListFilters::searchTerms).orElse(List.of());
        if (search.isEmpty() || terms.isEmpty()) {
            return QueryRestriction.NONE;
        }
        StringBuilder jpql = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        for (int t = 0; t < terms.size(); t++) {
            jpql.append(t == 0 ? "(" : " and (");
            for (int f = 0; f < search.size(); f++) {
                SearchTarget target = search.get(f);
                String parameter = "portcullisSearch" + t + "_" + f;
                jpql.append(f == 0 ? "" : " or ").append(target.condition(parameter, "ps" + t + "_" + f + "_"));
                parameters.put(parameter, target.lookup().pattern(terms.get(t)));
            }
            jpql.append(')');
        }
        return QueryRestriction.of(jpql.toString(), parameters);
    }

    /** DRF's {@code get_search_terms}: NULs dropped, commas are spaces, split on whitespace. */
    static List<String> searchTerms(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder term = new StringBuilder();
        for (char c : (text.replace("\0", "") + " ").toCharArray()) {
            if (c == ',' || PythonText.isSpace(c)) {
                if (!term.isEmpty()) {
                    terms.add(term.toString());
                    term.setLength(0);
                }
            } else {
                term.append(c);
            }
        }
        return terms;
    }

    /**
     * {@code OrderingFilter}: the list's {@code order by}, ties broken by {@code tieBreak} (the id); the valid terms of
     * {@code ?ordering=}, or else the default; {@code null} for the order of ids.
     */
    String orderBy(QueryParameters query, String tieBreak) {
        if (defaultOrdering.isEmpty() && query.last(ORDERING).isEmpty()) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        query.last(ORDERING).filter(text -> !text.isEmpty()).ifPresent(text -> {
            for (String term : text.split(",", -1)) {
                String stripped = PythonText.strip(term);
                if (ordering.containsKey(stripped.startsWith("-") ? stripped.substring(1) : stripped)) {
                    terms.add(stripped);
                }
            }
        });
        if (terms.isEmpty()) {
            terms.addAll(defaultOrdering);
        }
        if (terms.isEmpty() || terms.size() == 1 && tieBreak.equals(ordering.get(terms.get(0)))) {
            return null;
        }
        StringBuilder orderBy = new StringBuilder();
        for (String term : terms) {
            boolean descending = term.startsWith("-");
            orderBy.append(ordering.get(descending ? term.substring(1) : term)).append(descending ? " desc, " : " asc, ");
        }
        return orderBy.append(tieBreak).toString();
    }

    /** One filter: a query parameter, the attribute it reads and the lookup it applies. */
    private record LookupFilter(String name, AttributePath path, Lookup lookup, FilterValue reader, String parameter) {

        static LookupFilter bind(String name, String field, Lookup lookup, ModelSerializer<?> serializer,
                                 Metamodel metamodel, int index) {
            String where = "filter '" + name + "'";
            AttributePath path;
            try {
                path = AttributePath.resolve(metamodel, serializer.model(), field);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(where + ": " + e.getMessage());
            }
            if (!lookup.appliesTo(path.type(), path.isRelation())) {
                throw new IllegalStateException(where + ": the lookup '" + lookup.djangoName() + "' does not apply to "
                        + (path.isRelation() ? "a relation" : "a " + path.type().getSimpleName()));
            }
            FilterValue reader = lookup == Lookup.ISNULL ? FilterValue.BOOLEAN
                    : FilterValue.of(path.type(), path.isRelation(), choicesOf(serializer, field));
            return new LookupFilter(name, path, lookup, reader, "portcullisFilter" + index);
        }

        /** The choices of a serializer's {@link ChoiceField} on this attribute: the values a filter accepts. */
        private static List<String> choicesOf(ModelSerializer<?> serializer, String field) {
            String source = Field.camelCase(field.replace("__", "."));
            for (Field<?> declared : serializer.fields()) {
                if (declared instanceof ChoiceField choice && declared.source().equals(source)) {
                    return choice.choices();
                }
            }
            return null;
        }

        QueryRestriction restrict(QueryParameters query) throws Field.Invalid {
            String text = query.last(name).orElse(null);
            if (text == null) {
                return QueryRestriction.NONE;
            }
            Object value = lookup == Lookup.IN ? members(text) : reader.read(text);
            if (value == FilterValue.SKIP) {
                return QueryRestriction.NONE;
            }
            if (value instanceof List<?> list && list.isEmpty()) {
                return QueryRestriction.NOTHING;
            }
            String condition = path.condition(QueryRestriction.ROOT, parameter + "_",
                    expression -> lookup.condition(expression, parameter, value));
            return QueryRestriction.of(condition, lookup == Lookup.ISNULL ? Map.of()
                    : Map.of(parameter, lookup.pattern(value)));
        }

        /**
         * A {@code BaseInFilter}'s comma-separated values: an empty parameter filters nothing, an empty member is no
         * value ({@code 1,,3} is 1 and 3; {@code ,} matches nothing), and one bad member is the filter's error.
         */
        private Object members(String text) throws Field.Invalid {
            if (text.isEmpty()) {
                return FilterValue.SKIP;
            }
            List<Object> values = new ArrayList<>();
            for (String member : text.split(",", -1)) {
                Object value = reader.read(member);
                if (value != FilterValue.SKIP) {
                    values.add(value);
                } else if (path.type() == String.class && !path.isRelation()) {
                    values.add("");
                }
            }
            return values;
        }
    }

    /** A search field: an attribute, and how a term is compared with it (DRF's prefixes). */
    private record SearchTarget(AttributePath path, Lookup lookup) {

        static SearchTarget bind(String name, Class<?> entity, Metamodel metamodel) {
            Lookup lookup = switch (name.isEmpty() ? ' ' : name.charAt(0)) {
                case '^' -> Lookup.ISTARTSWITH;
                case '=' -> Lookup.IEXACT;
                case '@', '$' -> throw new IllegalStateException("search field '" + name + "': full-text ('@') and "
                        + "regular-expression ('$') search are not supported");
                default -> Lookup.ICONTAINS;
            };
            String field = lookup == Lookup.ICONTAINS ? name : name.substring(1);
            AttributePath path;
            try {
                path = AttributePath.resolve(metamodel, entity, field);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("search field " + e.getMessage());
            }
            if (path.type() != String.class || path.isRelation()) {
                throw new IllegalStateException("search field '" + name + "' is not text");
            }
            return new SearchTarget(path, lookup);
        }

        String condition(String parameter, String alias) {
            return path.condition(QueryRestriction.ROOT, alias, expression -> lookup.condition(expression, parameter, null));
        }
    }
}
