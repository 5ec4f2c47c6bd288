package dev.portcullis.accounts;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicTypeRegistry;
import org.hibernate.type.StandardBasicTypes;

/**
 * The grant functions (V12) as functions of the lists' JPQL, so that a page of granted objects is read by one
 * statement: its ids from the grant indexes, its objects by those ids, and the count along when the page is full.
 * Each ends with the model and permission, written in the query: Hibernate lets the last argument of a function bind
 * a list, and keeps no plan for a query with a parameter there (the query would be translated to SQL anew on every
 * page).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class GrantedPageFunctions implements FunctionContributor {

    /**
     * {@code granted_page(id, user, limit, offset, 'model', 'permission')}: whether the object is on that page of the
     * user's grants. The page's ids are read once, as an array, and the objects by their primary key: the plan
     * cannot walk the objects' table, whatever PostgreSQL estimates.
     */
    static final String PAGE = "granted_page";

    /**
     * {@code granted_count_of_full_page(limit, user, 'model', 'permission')}: the count of all the user's grants when the
     * statement's rows fill the page, else null (a page that is not full tells the count itself). PostgreSQL runs
     * the uncorrelated subquery once, and only when the {@code CASE} needs it.
     */
    static final String COUNT_OF_FULL_PAGE = "granted_count_of_full_page";

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        BasicTypeRegistry types = functions.getTypeConfiguration().getBasicTypeRegistry();
        functions.getFunctionRegistry().registerPattern(PAGE,
                "?1 = any(array(select g.id from granted_object_ids(?2, ?5, ?6, ?3, ?4) g))",
                types.resolve(StandardBasicTypes.BOOLEAN));
        functions.getFunctionRegistry().registerPattern(COUNT_OF_FULL_PAGE,
                "case when count(*) over () = ?1 then (select granted_object_count(?2, ?3, ?4)) end",
                types.resolve(StandardBasicTypes.LONG));
    }
}
