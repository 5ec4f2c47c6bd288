package dev.portcullis.examples.library;

import dev.portcullis.accounts.User;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Map;

/** A user's membership of one branch; members of the group "librarians" run their branch. */
@Entity
@Table(name = "library_members")
public class Member extends PanacheEntity {
    @ManyToOne
    public User user;
    public String branch;

    /** The users in the group "librarians", as a subquery. */
    private static final String LIBRARIANS = "(select g.userId from GroupMember g, UserGroup n "
            + "where g.groupId = n.id and n.name = 'librarians')";

    /** The caller's own membership, and the members of the branch the caller runs as a librarian. */
    static QueryRestriction visibleTo(String member, Caller caller) {
        return QueryRestriction.of(member + ".user.id = :me or " + member + ".branch in (select m.branch from Member m "
                + "where m.user.id = :me and m.user.id in " + LIBRARIANS + ")", Map.of("me", caller.id()));
    }

    /** Whether the caller is a librarian of this branch (of any, for {@code null}). */
    static boolean runs(Caller caller, String branch) {
        String librarian = "user.id = ?1 and user.id in " + LIBRARIANS;
        return branch == null ? count(librarian, caller.id()) > 0
                : count(librarian + " and branch = ?2", caller.id(), branch) > 0;
    }
}
