package dev.portcullis.api;

import dev.portcullis.domain.Post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A post as the API shows it: the owner by username, the creation time in DRF's ISO 8601 form. */
public record PostView(long id, String title, String body, boolean published, String owner, String createdAt) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    static PostView of(Post post) {
        return of(post, post.owner.username);
    }

    static PostView of(Post post, String owner) {
        return new PostView(post.id, post.title, post.body, post.published, owner, isoFormat(post.createdAt));
    }

    static PostView of(Post.Row row) {
        return new PostView(row.id(), row.title(), row.body(), row.published(), row.owner(), isoFormat(row.createdAt()));
    }

    /** Python's {@code isoformat()} in UTC, with DRF's {@code Z}: microseconds only when there are some. */
    static String isoFormat(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc) + "Z";
    }
}
