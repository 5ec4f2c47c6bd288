package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as Django's form {@code DateField} reads it — what a django-filter {@code DateFilter} filters by: each of
 * the English input formats in turn ({@code %Y-%m-%d}, {@code %m/%d/%Y}, {@code %m/%d/%y}, those of a project with
 * localization on, Django's default since 4.0), each as Python's {@code strptime} reads it: ASCII digits, a month
 * or day of one digit or two (a day also as a space and a digit), a two-digit year in 1969–2068, the whole text.
 * A serializer's date is read by {@link DateField} instead, as DRF reads it (ISO only).
 */
final class DateInput {

    private static final String MONTH = "(?<m>1[0-2]|0[1-9]|[1-9])";
    private static final String DAY = "(?<d>3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])";
    private static final List<Format> FORMATS = List.of(
            new Format(Pattern.compile("(?<y>[0-9]{4})-" + MONTH + "-" + DAY), false),
            new Format(Pattern.compile(MONTH + "/" + DAY + "/(?<y>[0-9]{4})"), false),
            new Format(Pattern.compile(MONTH + "/" + DAY + "/(?<y>[0-9]{2})"), true));

    /** @param centuryless whether the year is {@code %y}: 69–99 in the 1900s, 00–68 in the 2000s, as Python reads it */
    private record Format(Pattern pattern, boolean centuryless) {
        int year(Matcher date) {
            int year = Integer.parseInt(date.group("y"));
            return !centuryless ? year : year <= 68 ? 2000 + year : 1900 + year;
        }
    }

    private DateInput() {
    }

    /** The date of the first format that reads the text as one that exists; empty when none does. */
    static Optional<LocalDate> parse(String text) {
        for (Format format : FORMATS) {
            Matcher date = format.pattern().matcher(text);
            if (date.matches()) {
                Optional<LocalDate> read = PythonText.date(format.year(date), Integer.parseInt(date.group("m")),
                        Integer.parseInt(date.group("d").strip()));
                if (read.isPresent()) {
                    return read;
                }
            }
        }
        return Optional.empty();
    }
}
