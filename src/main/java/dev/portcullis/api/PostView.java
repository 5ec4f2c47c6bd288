package dev.portcullis.api;

import dev.portcullis.domain.Post;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A post as the API shows it: the owner by username, the creation time in DRF's ISO 8601 form. */
public record PostView(long id, String title, String body, boolean published, String owner, String createdAt) {

    static PostView of(Post post) {
        return of(post, post.owner.username);
    }

    static PostView of(Post post, String owner) {
        return new PostView(post.id, post.title, post.body, post.published, owner, isoFormat(post.createdAt));
    }

    static PostView of(Post.Row row) {
        return new PostView(row.id(), row.title(), row.body(), row.published(), row.owner(), isoFormat(row.createdAt()));
    }

    /**
     * Python's {@code isoformat()} in UTC, with DRF's {@code Z}: microseconds only when there are some. Written by
     * hand because a list formats a thousand of these, and {@code DateTimeFormatter} was a tenth of its time.
     */
    static String isoFormat(OffsetDateTime time) {
        LocalDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        StringBuilder out = new StringBuilder(27);
        digits(out, utc.getYear(), 4).append('-');
        digits(out, utc.getMonthValue(), 2).append('-');
        digits(out, utc.getDayOfMonth(), 2).append('T');
        digits(out, utc.getHour(), 2).append(':');
        digits(out, utc.getMinute(), 2).append(':');
        digits(out, utc.getSecond(), 2);
        int micros = utc.getNano() / 1000;
        if (micros != 0) {
            digits(out.append('.'), micros, 6);
        }
        return out.append('Z').toString();
    }

    /** {@code value} with leading zeros to {@code width} digits. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
