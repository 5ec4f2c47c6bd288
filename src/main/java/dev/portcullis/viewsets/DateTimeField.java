package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRF's {@code DateTimeField} in UTC: ISO 8601 in (Django's {@code parse_datetime}, a time without offset is
 * UTC, digits past the microsecond ignored), and out as Python's {@code isoformat()} with {@code Z}.
 */
public final class DateTimeField extends Field<DateTimeField> {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})"
            + "(?::(\\d{1,2})(?:[.,](\\d{1,6})\\d{0,6})?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final String INVALID = "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

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
        return parse(data.textValue()).orElseThrow(() -> new Invalid(INVALID));
    }

    /** Django's {@code parse_datetime}, in UTC: empty where the text is no date/time or names none that exists. */
    static Optional<OffsetDateTime> parse(String text) {
        Matcher iso = ISO.matcher(text);
        if (!iso.matches()) {
            return Optional.empty();
        }
        try {
            String fraction = iso.group(7) == null ? "0" : (iso.group(7) + "00000").substring(0, 6);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)), Integer.parseInt(fraction) * 1000);
            return Optional.of(OffsetDateTime.of(local, offset(iso.group(8))).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String written) {
        if (written == null || written.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = written.replace(":", "");
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(digits.substring(1, 3)), sign * minutes);
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        json.writeString(isoFormat((OffsetDateTime) value));
    }

    /**
     * Python's {@code isoformat()} in UTC, with DRF's {@code Z}: microseconds only when there are some. Written by
     * hand because a list formats a thousand of these, and {@code DateTimeFormatter} was a tenth of its time.
     */
    public static String isoFormat(OffsetDateTime time) {
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
        int start = out.length();
        out.append(value);
        for (int i = out.length() - start; i < width; i++) {
            out.insert(start, '0');
        }
        return out;
    }
}
