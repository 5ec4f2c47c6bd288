package dev.portcullis.domain;

import dev.portcullis.accounts.User;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.Owned;
import dev.portcullis.security.core.QueryRestriction;
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
import java.util.Map;
import java.util.Optional;

/** A blog post: published ones are public, drafts are seen by their owner only. */
@Entity
@Table(name = "posts")
public class Post extends PanacheEntityBase implements Owned {

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

    /**
     * The posts a caller may see (DRF's {@code get_queryset}): published ones and the caller's own drafts. An
     * anonymous caller owns nothing, so its condition names no owner: PostgreSQL then counts and pages the published
     * posts from their own index, where an owner that matches no row would still be tested against every post.
     */
    public static QueryRestriction visibleTo(Caller caller) {
        return caller.authenticated()
                ? QueryRestriction.of("o.published = true or o.owner.id = :me", Map.of("me", caller.id()))
                : QueryRestriction.of("o.published = true", Map.of());
    }

    /** Published posts only. */
    public static Optional<Post> findPublished(long id) {
        return find("select p from Post p join fetch p.owner where p.id = ?1 and p.published = true", id)
                .firstResultOptional();
    }
}
