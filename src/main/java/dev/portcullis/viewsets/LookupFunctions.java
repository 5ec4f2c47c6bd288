package dev.portcullis.viewsets;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * Django's case-insensitive lookups as JPQL functions whose last argument is the attribute, not the client's value.
 * Hibernate lets the last argument of a function bind a list, and keeps no plan for a query with a parameter there:
 * written as {@code upper(o.title) like upper(:search)}, every searched or filtered list was translated from JPQL to
 * SQL anew on every request. The SQL is Django's: {@code UPPER(a) = UPPER(b)}, {@code UPPER(a) LIKE UPPER(b)}.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class LookupFunctions implements FunctionContributor {

    /** {@code portcullis_iexact(value, attribute)}. */
    static final String IEXACT = "portcullis_iexact";

    /** {@code portcullis_ilike(pattern, attribute)}, {@code !} escaping the pattern's wildcards. */
    static final String ILIKE = "portcullis_ilike";

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        var condition = functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        functions.getFunctionRegistry().registerPattern(IEXACT, "upper(?2) = upper(?1)", condition);
        functions.getFunctionRegistry().registerPattern(ILIKE, "upper(?2) like upper(?1) escape '!'", condition);
    }
}
