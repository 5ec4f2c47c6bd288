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
 * Each ends with an argument written in the query (the model and permission, or a first page's limit): Hibernate lets
 * the last argument of a function bind a list, and keeps no plan for a query with a parameter there (the query would
 * be translated to SQL anew on every page).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class GrantedPageFunctions implements FunctionContributor {

    /**
     * {@code granted_page(id, user, limit, offset, 'model', 'permission')}: whether the object is on that page of the
     * user's grants, read by V12's {@code granted_object_ids}: a later page, or a first one longer than
     * {@link #MOST_WRITTEN}. The page's ids are read once, as an array, and the objects by their primary key: the plan
     * cannot walk the objects' table, whatever PostgreSQL estimates.
     */
    static final String PAGE = "granted_page";

    /**
     * {@code granted_first_page(id, user, 'model', 'permission', limit)}: whether the object is among the first
     * {@code limit} of the user's grants, the limit written in the query as a number (at most {@link #MOST_WRITTEN}).
     * The ids' query is then written in the statement rather than called as V12's function: with no parameter
     * {@code LIMIT}, PostgreSQL keeps one plan for the statement by its own rule, and each first page saves the
     * PL/pgSQL call (its executor and the plan setting it brings along), which costs most on a busy database. A
     * later page calls the function: its offset and limit are parameters, so that a client walking a list does not
     * make a statement of each page, and the function keeps its plan for every value of them.
     */
    static final String FIRST_PAGE = "granted_first_page";

    /** The longest first page whose limit is written in its statement, as {@code RowRange} writes a list's. */
    static final long MOST_WRITTEN = 1_000;

    /**
     * {@code granted_count_of_full_page(limit, user, 'model', 'permission')}: the count of all the user's grants when the
     * statement's rows fill the page, else null (a page that is not full tells the count itself). PostgreSQL reads
     * the uncorrelated count once, and only when the {@code CASE} needs it. It is written in the statement rather
     * than called as V12's function: the count's plan depends on no page, so the statement's own kept plan serves
     * it, and each full page saves a PL/pgSQL call. (The function stays in the schema: replicas of the version before
     * call it until a rolling update has replaced them.)
     */
    static final String COUNT_OF_FULL_PAGE = "granted_count_of_full_page";

    /**
     * The SQL that counts a user's grants of one permission on one model: its own, as the database counted them when
     * they were written (V11), and those of its groups it does not hold itself. The arguments are SQL expressions.
     */
    static String grantCount(String user, String model, String permission) {
        return "coalesce((select c.grants from object_grant_counts c where c.user_id = " + user + " and c.model = "
                + model + " and c.codename = " + permission + "), 0) + (select count(distinct g.object_id) from "
                + "object_grants g join group_members m on m.group_id = g.group_id where m.user_id = " + user
                + " and g.model = " + model + " and g.codename = " + permission + " and not exists (select 1 from "
                + "object_grants u where u.user_id = " + user + " and u.model = " + model + " and u.codename = "
                + permission + " and u.object_id = g.object_id))";
    }

    /**
     * The SQL of the first {@code limit} ids a user is granted, ascending, as V12's {@code granted_object_ids} reads
     * them: the first {@code limit} of each kind hold the first {@code limit} of both. The arguments are SQL.
     */
    static String firstIds(String user, String model, String permission, String limit) {
        return "select ids.object_id from ((select u.object_id from object_grants u where u.user_id = " + user
                + " and u.model = " + model + " and u.codename = " + permission + " order by u.object_id limit "
                + limit + ") union (select distinct g.object_id from object_grants g join group_members m on "
                + "m.group_id = g.group_id where m.user_id = " + user + " and g.model = " + model + " and g.codename = "
                + permission + " order by g.object_id limit " + limit + ")) ids order by ids.object_id limit " + limit;
    }

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        BasicTypeRegistry types = functions.getTypeConfiguration().getBasicTypeRegistry();
        functions.getFunctionRegistry().registerPattern(PAGE,
                "?1 = any(array(select g.id from granted_object_ids(?2, ?5, ?6, ?3, ?4) g))",
                types.resolve(StandardBasicTypes.BOOLEAN));
        functions.getFunctionRegistry().registerPattern(FIRST_PAGE,
                "?1 = any(array(" + firstIds("?2", "?3", "?4", "?5") + "))", types.resolve(StandardBasicTypes.BOOLEAN));
        functions.getFunctionRegistry().registerPattern(COUNT_OF_FULL_PAGE,
                "case when count(*) over () = ?1 then (select " + grantCount("?2", "?3", "?4") + ") end",
                types.resolve(StandardBasicTypes.LONG));
    }
}
