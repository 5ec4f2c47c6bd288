package dev.portcullis.domain;

import dev.portcullis.accounts.User;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Owned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A blog post: published ones are public, drafts are seen by their owner only. */
@Entity
@Table(name = "posts")
public class Post extends PanacheEntityBase implements Owned {

    private static final String VISIBLE = "(p.published = true or p.owner.id = :me)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String body = "";

    @Column(nullable = false)
    public boolean published;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    public User owner;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Override
    public Long ownerId() {
        return owner.id;
    }

    /** A post as lists show it, read without loading entities (no dirty checking, one query). */
    public record Row(long id, String title, String body, boolean published, String owner, OffsetDateTime createdAt) {
    }

    /** Published posts and the caller's own drafts, oldest first. */
    public static List<Row> visibleTo(Caller caller) {
        return getEntityManager().createQuery("select new dev.portcullis.domain.Post$Row(p.id, p.title, p.body, "
                        + "p.published, p.owner.username, p.createdAt) from Post p where " + VISIBLE + " order by p.id",
                        Row.class)
                .setParameter("me", meOf(caller))
                .getResultList();
    }

    /** One post, if the caller may see it; others' drafts are as absent as missing posts. */
    public static Optional<Post> findVisible(long id, Caller caller) {
        return find("select p from Post p join fetch p.owner where p.id = :id and " + VISIBLE,
                io.quarkus.panache.common.Parameters.with("id", id).and("me", meOf(caller))).firstResultOptional();
    }

    /** Published posts only. */
    public static Optional<Post> findPublished(long id) {
        return find("select p from Post p join fetch p.owner where p.id = ?1 and p.published = true", id)
                .firstResultOptional();
    }

    private static long meOf(Caller caller) {
        return caller.authenticated() ? caller.id() : -1L;
    }
}
