package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRF's {@code DateTimeField} in UTC: ISO 8601 in (Django 3.2's {@code parse_datetime}: a time without offset is
 * UTC, digits past the microsecond ignored, no space before the offset), and out as Python's {@code isoformat()}
 * with {@code Z}.
 */
public final class DateTimeField extends Field<DateTimeField> {

    private static final Pattern ISO = PythonText.regex("(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})"
            + "(?::(\\d{1,2})(?:[.,](\\d{1,6})\\d{0,6})?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?\\n?");
    /** Python's {@code timezone} takes an offset strictly within a day (Java's {@code ZoneOffset}, 18 hours). */
    private static final int MINUTES_A_DAY = 24 * 60;
    private static final String INVALID = "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
    private static final String OUT_OF_RANGE = "Datetime value out of range.";
    /** {@code -999999999-12-31T23:59:59.999999Z}: the longest {@link #isoFormat} there is. */
    private static final int LONGEST_ISO = 33;
    private static final int[] TEN_TO_THE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    DateTimeField(String name) {
        super(name);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(OffsetDateTime.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        if (!data.isTextual()) {
            throw new Invalid(INVALID);
        }
        OffsetDateTime time = parse(data.textValue()).orElseThrow(() -> new Invalid(INVALID));
        if (time.getYear() < 1 || time.getYear() > 9999) {
            // In UTC it is out of Python's years (0001-01-01T00:30+01:00): DRF's conversion overflows.
            throw new Invalid(OUT_OF_RANGE);
        }
        return time;
    }

    /**
     * Django's {@code parse_datetime}, in UTC: empty where the text is no date/time or names none that exists. Its
     * year is Python's (from 1), its offset any within a day, written as Django reads it ({@code +01:99} is 159
     * minutes); in UTC it may fall outside Python's years, which a filter compares as they are.
     */
    static Optional<OffsetDateTime> parse(String text) {
        Matcher iso = ISO.matcher(text);
        if (!iso.matches() || Integer.parseInt(iso.group(1)) < 1) {
            return Optional.empty();
        }
        try {
            String fraction = iso.group(7) == null ? "0" : (iso.group(7) + "00000").substring(0, 6);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)), Integer.parseInt(fraction) * 1000);
            int offset = offsetMinutes(iso.group(8));
            return Math.abs(offset) < MINUTES_A_DAY
                    ? Optional.of(OffsetDateTime.of(local.minusMinutes(offset), ZoneOffset.UTC)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Django's reading of an offset: {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}, in minutes. */
    private static int offsetMinutes(String written) {
        if (written == null || written.equals("Z")) {
            return 0;
        }
        int minutes = written.length() > 3 ? Integer.parseInt(written.substring(written.length() - 2)) : 0;
        int offset = 60 * Integer.parseInt(written.substring(1, 3)) + minutes;
        return written.charAt(0) == '-' ? -offset : offset;
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        writeIso(json, (OffsetDateTime) value);
    }

    /** Writes {@link #isoFormat} as a JSON string, from its bytes: a list writes a thousand of these. */
    static void writeIso(JsonGenerator json, OffsetDateTime time) throws IOException {
        byte[] ascii = new byte[LONGEST_ISO];
        JsonText.writeAscii(json, ascii, isoFormat(time, ascii));
    }

    /**
     * Python's {@code isoformat()} in UTC, with DRF's {@code Z}: microseconds only when there are some. Written by
     * hand because a list formats a thousand of these, and {@code DateTimeFormatter} was a tenth of its time.
     */
    public static String isoFormat(OffsetDateTime time) {
        byte[] ascii = new byte[LONGEST_ISO];
        return new String(ascii, 0, isoFormat(time, ascii), StandardCharsets.ISO_8859_1);
    }

    /** {@link #isoFormat(OffsetDateTime)} into {@code out}, as ASCII: how many bytes it took. */
    private static int isoFormat(OffsetDateTime time, byte[] out) {
        LocalDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        int at = digits(out, 0, utc.getYear(), 4);
        out[at++] = '-';
        at = digits(out, at, utc.getMonthValue(), 2);
        out[at++] = '-';
        at = digits(out, at, utc.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = digits(out, at, utc.getHour(), 2);
        out[at++] = ':';
        at = digits(out, at, utc.getMinute(), 2);
        out[at++] = ':';
        at = digits(out, at, utc.getSecond(), 2);
        int micros = utc.getNano() / 1000;
        if (micros != 0) {
            out[at++] = '.';
            at = digits(out, at, micros, 6);
        }
        out[at++] = 'Z';
        return at;
    }

    /**
     * {@code value} at {@code at}, with leading zeros to {@code width} digits; a value wider than that (a year past
     * 9999, or before year 0) as {@link Integer#toString} writes it, zeros before it to the width.
     */
    private static int digits(byte[] out, int at, int value, int width) {
        if (value < 0 || value >= TEN_TO_THE[width]) {
            String text = Integer.toString(value);
            for (int i = text.length(); i < width; i++) {
                out[at++] = '0';
            }
            for (int i = 0; i < text.length(); i++) {
                out[at++] = (byte) text.charAt(i);
            }
            return at;
        }
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
