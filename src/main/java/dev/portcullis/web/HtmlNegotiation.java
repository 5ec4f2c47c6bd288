package dev.portcullis.web;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;

import java.util.Locale;
import java.util.Map;

/**
 * DRF's choice between {@code JSONRenderer} and {@code BrowsableAPIRenderer}: HTML when the client prefers
 * {@code text/html} to JSON (a browser's {@code Accept}), or asks with {@code ?format=api}; JSON for API clients —
 * {@code application/json}, {@code *}{@code /*}, no {@code Accept} at all, an equal preference, or {@code ?format=json}.
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
            String[] parts = range.split(";")[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
            String subtype = parts.length > 1 ? parts[1] : "";
            if ((parts[0].equals("*") || parts[0].equals(type[0])) && (subtype.equals("*") || subtype.equals(type[1]))) {
                return true;
            }
        }
        return false;
    }

    /** @param format a {@code ?format=} that {@link #checkFormat} let pass, or {@code null} */
    static boolean wantsHtml(String accept, String format) {
        if (format != null) {
            return format.equals("api");
        }
        return accept != null && accept.contains("text/html")
                && quality(accept, "text/html") > quality(accept, "application/json");
    }

    /** The highest {@code q} the header gives the type by name ({@code *}{@code /*} counts for neither). */
    private static double quality(String accept, String type) {
        double best = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(type)) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            best = Math.max(best, q);
        }
        return best;
    }
}
