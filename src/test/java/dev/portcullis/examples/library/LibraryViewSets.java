package dev.portcullis.examples.library;

import dev.portcullis.accounts.User;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.security.guard.ViewSet;
import dev.portcullis.viewsets.Attributes;
import dev.portcullis.viewsets.FilterFields;
import dev.portcullis.viewsets.ModelSerializer;
import dev.portcullis.viewsets.ModelViewSet;
import dev.portcullis.viewsets.OrderingFields;
import dev.portcullis.viewsets.SearchFields;
import jakarta.ws.rs.Path;

import static dev.portcullis.viewsets.Fields.*;

/**
 * A lending library: books and their copies at branches, members of a branch, loans of copies to members, and
 * reading clubs of members.
 */
public final class LibraryViewSets {

    private LibraryViewSets() {
    }

    @ViewSet
    @Path("/api/library/books/")
    @Permissions(IsLibrarianOrReadOnly.class)
    @FilterFields("author")
    @SearchFields("title")
    @OrderingFields("title")
    public static class Books extends ModelViewSet<Book> {
        public Books() {
            super(ModelSerializer.of(Book.class, readOnly("id"), chars("title").maxLength(200),
                    chars("author").maxLength(200), chars("isbn").maxLength(13)
                    .helpText("ISBN-10 or ISBN-13, digits only.")));
        }
    }

    @ViewSet
    @Path("/api/library/copies/")
    @Permissions(IsLibrarianOrReadOnly.class)
    public static class Copies extends ModelViewSet<Copy> {
        public Copies() {
            super(ModelSerializer.of(Copy.class, readOnly("id"), related("book", Book.class), chars("branch")));
        }
    }

    /** Staff enrol librarians, librarians enrol users at their branch; a member sees their own membership. */
    @ViewSet
    @Path("/api/library/members/")
    @Permissions(IsLibrarianOrReadOnly.class)
    public static class Members extends ModelViewSet<Member> {
        public Members() {
            super(ModelSerializer.of(Member.class, readOnly("id"), slug("user", User.class, "username").anyObject(),
                    chars("branch")));
        }

        @Override
        protected QueryRestriction getQueryset(Caller caller) {
            return Member.visibleTo("o", caller);
        }

        void validateBranch(String branch) {
            if (!caller().staff() && !Member.runs(caller(), branch)) {
                throw invalid("You can enrol members at your own branch only.");
            }
        }
    }

    /** Members see their own loans; librarians see and lend at their branch, one open loan per copy. */
    @ViewSet
    @Path("/api/library/loans/")
    @Permissions(IsLibrarianOrReadOnly.class)
    @FilterFields("returned")
    @OrderingFields("due")
    public static class Loans extends ModelViewSet<Loan> {
        public Loans() {
            super(ModelSerializer.of(Loan.class, readOnly("id"),
                    related("copy", Copy.class).visibleThrough(Copies.class), nested("book", Book.class).source("copy.book"),
                    related("member", Member.class),
                    date("due"), bool("returned").optional()));
        }

        @Override
        protected QueryRestriction getQueryset(Caller caller) {
            return Member.visibleTo("o.member", caller);
        }

        @Override
        protected void validate(Attributes<Loan> loan) {
            if (!loan.<Copy>value("copy").branch.equals(loan.<Member>value("member").branch)) {
                throw ValidationError.of("copy", "This copy is at another branch than the member.");
            }
        }
    }

    /** Librarians gather members they can see into clubs. */
    @ViewSet
    @Path("/api/library/clubs/")
    @Permissions(IsLibrarianOrReadOnly.class)
    public static class Clubs extends ModelViewSet<Club> {
        public Clubs() {
            super(ModelSerializer.of(Club.class, readOnly("id"), chars("name").maxLength(100),
                    related("members", Member.class).many()));
        }
    }
}
