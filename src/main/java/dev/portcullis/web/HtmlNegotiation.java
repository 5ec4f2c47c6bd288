package dev.portcullis.web;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DRF's choice between {@code JSONRenderer} and {@code BrowsableAPIRenderer}: HTML when the most specific ranges of
 * the client's {@code Accept} that name either name {@code text/html} and not JSON (a browser's), or with
 * {@code ?format=api}; JSON for API clients — {@code application/json}, {@code *}{@code /*}, no {@code Accept} at
 * all, JSON beside HTML whatever their {@code q}, or {@code ?format=json}.
 * A {@code ?format=} names a renderer, which the {@code Accept} header must still admit.
 */
final class HtmlNegotiation {

    /** The media type of each renderer a {@code ?format=} can name: DRF's {@code JSONRenderer} and browsable API. */
    private static final Map<String, String> FORMATS = Map.of("json", "application/json", "api", "text/html");

    private HtmlNegotiation() {
    }

    /**
     * DRF's reading of a {@code ?format=} (an empty one names nothing): a format no renderer has is a 404, and one whose
     * renderer the {@code Accept} header does not admit a 406 — both before authentication, as DRF negotiates first.
     */
    static void checkFormat(String accept, String format) {
        String mediaType = FORMATS.get(format);
        if (mediaType == null) {
            throw new NotFoundException();
        }
        if (!admits(accept, mediaType)) {
            throw new NotAcceptableException();
        }
    }

    /**
     * Whether a range of the header matches the type, as DRF matches them: by type and subtype alone, either of which
     * may be {@code *}, whatever the range's parameters ({@code q=0} too). No header admits everything.
     */
    private static boolean admits(String accept, String mediaType) {
        if (accept == null) {
            return true;
        }
        String[] type = mediaType.split("/");
        for (String range : accept.split(",")) {
            if (MediaRange.of(range).matches(type[0], type[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * DRF's {@code DefaultContentNegotiation} between its two renderers, JSON first: the header's ranges are taken
     * from the most specific ({@code text/html;level=1}) to the least ({@code *}{@code /*}), {@code q} ignored, and in
     * the first group that either renderer matches, JSON wins — so {@code application/json;q=0.5, text/html} is JSON,
     * and {@code text/*} the page.
     *
     * @param format a {@code ?format=} that {@link #checkFormat} let pass, or {@code null}
     */
    static boolean wantsHtml(String accept, String format) {
        if (format != null) {
            return format.equals("api");
        }
        if (accept == null || accept.indexOf('h') < 0 && accept.indexOf('H') < 0 && accept.indexOf("t/*") < 0
                && accept.indexOf("T/*") < 0) {
            return false;  // nearly every API client: nothing in the header could name the page (html, text/*)
        }
        List<MediaRange> ranges = Arrays.stream(accept.split(",")).map(MediaRange::of).toList();
        for (int precedence = MediaRange.MOST_SPECIFIC; precedence >= 0; precedence--) {
            boolean html = false;
            for (MediaRange range : ranges) {
                if (range.precedence() == precedence) {
                    if (range.matches("application", "json")) {
                        return false;
                    }
                    html |= range.matches("text", "html");
                }
            }
            if (html) {
                return true;
            }
        }
        return false;
    }

    /**
     * DRF's {@code JSONRenderer.get_indent}: the {@code indent} parameter of the range that chose JSON — the first that
     * matches it among the most specific ranges that do — as Python reads an integer, at most 8; 0 for none, for a
     * value that is not an integer, or for {@code indent=0} (compact JSON, as without it).
     */
    static int indent(String accept) {
        if (accept == null || accept.indexOf(';') < 0) {
            return 0;  // no range has a parameter
        }
        List<MediaRange> ranges = Arrays.stream(accept.split(",")).map(MediaRange::of).toList();
        for (int precedence = MediaRange.MOST_SPECIFIC; precedence >= 0; precedence--) {
            for (MediaRange range : ranges) {
                if (range.precedence() == precedence && range.matches("application", "json")) {
                    return range.indent();
                }
            }
        }
        return 0;
    }

    /**
     * A range of an {@code Accept} header as DRF's {@code _MediaType} reads it: its type and subtype in lower case,
     * how specific it is — 3 with parameters other than {@code q}, 2 a type and subtype, 1 {@code type/*},
     * 0 {@code *}{@code /...} — and the JSON indent it asks for (0: none).
     */
    private record MediaRange(String type, String subtype, int precedence, int indent) {

        static final int MOST_SPECIFIC = 3;
        private static final int MOST_INDENT = 8;

        static MediaRange of(String range) {
            String[] parts = range.split(";");
            String[] types = parts[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
            String type = types[0];
            String subtype = types.length > 1 ? types[1] : "";
            boolean parameters = false;
            int indent = 0;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                String name = parameter[0].strip().toLowerCase(Locale.ROOT);
                parameters |= !name.equals("q");
                if (name.equals("indent") && parameter.length == 2) {
                    indent = indent(parameter[1].strip());
                }
            }
            int precedence = type.equals("*") ? 0 : subtype.equals("*") ? 1 : parameters ? MOST_SPECIFIC : 2;
            return new MediaRange(type, subtype, precedence, indent);
        }

        /** Django's parameter value (its quotes dropped) read by Python's {@code int()}, between 0 and 8. */
        private static int indent(String value) {
            String unquoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
            return PythonText.parseInt(unquoted)
                    .map(number -> number.max(BigInteger.ZERO).min(BigInteger.valueOf(MOST_INDENT)).intValue())
                    .orElse(0);
        }

        boolean matches(String type, String subtype) {
            return (this.type.equals("*") || this.type.equals(type))
                    && (this.subtype.equals("*") || this.subtype.equals(subtype));
        }
    }
}
