package dev.portcullis.security.lock;

import dev.portcullis.domain.Post;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the policy lockfile records of a {@code getQueryset}: its condition for each kind of caller, so that a
 * change to what a list shows — every draft made visible — changes the file, and is reviewed.
 */
class QueryConditionsTest {

    private static final Map<String, Function<Caller, QueryRestriction>> QUERYSETS = Map.of(
            "Post.visibleTo", Post::visibleTo,
            "every draft visible", caller -> QueryRestriction.of("o.id = o.id or o.owner.id = :me",
                    Map.of("me", caller.authenticated() ? caller.id() : -1L)),
            "staff see all", caller -> caller.staff() ? QueryRestriction.NONE
                    : QueryRestriction.of("o.owner.username = :name", Map.of("name", String.valueOf(caller.username()))),
            "nothing for anonymous", caller -> caller.authenticated() ? QueryRestriction.NONE : QueryRestriction.NOTHING,
            "needs a request", caller -> {
                throw new IllegalStateException("No REST request in progress");
            });

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Post.visibleTo        |anonymous: o.published = true; user, staff, superuser: o.published = true or o.owner.id = :me (me: the caller's id)",
            "every draft visible   |anonymous: o.id = o.id or o.owner.id = :me (me: -1); user, staff, superuser: o.id = o.id or o.owner.id = :me (me: the caller's id)",
            "staff see all         |anonymous: o.owner.username = :name (name: null); user: o.owner.username = :name (name: the caller's username); staff, superuser: every object",
            "nothing for anonymous |anonymous: no object; user, staff, superuser: every object",
            "needs a request       |fails (IllegalStateException)",
    })
    void theConditionIsRecordedForEachKindOfCaller(String queryset, String recorded) {
        assertEquals(recorded, QueryConditions.of(QUERYSETS.get(queryset.strip())));
    }
}
