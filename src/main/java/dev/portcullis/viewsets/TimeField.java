package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRF's {@code TimeField}: Django's {@code parse_time} in ({@code 12:30}, {@code 12:30:05.123}; it reads the start
 * of the text, so what follows a time is ignored, an offset too), Python's {@code isoformat()} out.
 */
public final class TimeField extends Field<TimeField> {

    private static final Pattern ISO = PythonText.regex("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,6})\\d{0,6})?)?");
    private static final String INVALID = "Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].";

    TimeField(String name) {
        super(name);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(LocalTime.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        Matcher iso = data.isTextual() ? ISO.matcher(data.textValue()) : null;
        if (iso == null || !iso.lookingAt()) {
            throw new Invalid(INVALID);
        }
        try {
            String fraction = iso.group(4) == null ? "0" : (iso.group(4) + "00000").substring(0, 6);
            return LocalTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    iso.group(3) == null ? 0 : Integer.parseInt(iso.group(3)), Integer.parseInt(fraction) * 1000);
        } catch (DateTimeException e) {
            throw new Invalid(INVALID);
        }
    }

    /** Python's {@code time.isoformat()}: seconds always, microseconds when there are some. */
    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        LocalTime time = (LocalTime) value;
        String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        writeText(json, micros == 0 ? text : text + String.format(".%06d", micros));
    }
}
