package dev.portcullis.web;

import java.util.Locale;

/**
 * DRF's choice between {@code JSONRenderer} and {@code BrowsableAPIRenderer}: HTML when the client prefers
 * {@code text/html} to JSON (a browser's {@code Accept}), or asks with {@code ?format=api}; JSON for API clients —
 * {@code application/json}, {@code *}{@code /*}, no {@code Accept} at all, an equal preference, or {@code ?format=json}.
 */
final class HtmlNegotiation {

    private HtmlNegotiation() {
    }

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
