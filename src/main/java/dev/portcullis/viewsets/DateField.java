package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DRF's {@code DateField}: ISO 8601 in (Django's {@code parse_date}: {@code 2026-1-5} too), {@code YYYY-MM-DD} out. */
public final class DateField extends Field<DateField> {

    private static final Pattern ISO = PythonText.regex("(\\d{4})-(\\d{1,2})-(\\d{1,2})\\n?");
    private static final String INVALID = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

    DateField(String name) {
        super(name);
    }

    @Override
    protected List<Class<?>> javaTypes() {
        return List.of(LocalDate.class);
    }

    @Override
    protected Object toInternalValue(JsonNode data) throws Invalid {
        return (data.isTextual() ? parse(data.textValue()) : Optional.<LocalDate>empty())
                .orElseThrow(() -> new Invalid(INVALID));
    }

    /** Django's {@code parse_date}: empty where the text is no date, or names one that does not exist. */
    static Optional<LocalDate> parse(String text) {
        Matcher iso = ISO.matcher(text);
        return iso.matches() ? PythonText.date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3))) : Optional.empty();
    }

    @Override
    protected void write(JsonGenerator json, Object value) throws IOException {
        writeText(json, value.toString());
    }
}
