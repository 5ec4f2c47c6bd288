package dev.portcullis.viewsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A field's text is written byte for byte as Jackson's {@code writeString} writes it — with any text, and with any
 * generator: plain UTF-8 bytes, indented, escaping every non-ASCII character, writing characters — whether or not
 * it takes the fast way.
 */
class JsonTextTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory ESCAPING = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** A generator's output as text, and how it is made. */
    private record Output(String name, Function<ByteArrayOutputStream, JsonGenerator> generator) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Output[] OUTPUTS = {
            new Output("UTF-8 bytes", bytes -> create(() -> JSON.createGenerator(bytes))),
            new Output("indented", bytes -> create(() -> JSON.createGenerator(bytes).useDefaultPrettyPrinter())),
            new Output("non-ASCII escaped", bytes -> create(() -> ESCAPING.createGenerator(bytes))),
    };

    private static final String[] TEXTS = {
            "", "Post 1", "Lorem ipsum ".repeat(20), "2026-12-05T14:15:35.151094Z", "a \"quoted\" word", "back\\slash",
            "line\nbreak", "tab\there", "\u0000nul", "\u001funit separator", "del \u007f", "caf\u00e9", "\u00ff",
            "na\u00efve \"and\" quoted", "\u4e2d\u6587", "emoji \ud83d\ude00", "lone \ud800 surrogate",
            "separators \u2028\u2029", "</script>", "slash / and ?", "%_ like patterns", "x".repeat(10_000),
    };

    static Stream<Arguments> textsAndOutputs() {
        return Stream.of(OUTPUTS).flatMap(output -> Stream.of(TEXTS).map(text -> Arguments.of(output, text)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("textsAndOutputs")
    void writesWhatJacksonWrites(Output output, String text) throws IOException {
        assertEquals(written(output, json -> json.writeString(text)), written(output, json -> JsonText.write(json, text)));
    }

    static Stream<Arguments> timesAndOutputs() {
        return Stream.of(OUTPUTS).flatMap(output -> Stream.of("2026-12-05T14:15:35.151094Z", "2026-12-05T14:15:35Z",
                "+10000-01-01T00:00:00.000001Z", "-0005-03-05T06:07:08+01:00").map(time -> Arguments.of(output, time)));
    }

    /** A time written from its bytes, as Jackson writes the text of {@link DateTimeField#isoFormat}. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("timesAndOutputs")
    void aTimeIsWrittenAsJacksonWritesItsText(Output output, String time) throws IOException {
        OffsetDateTime value = OffsetDateTime.parse(time);
        assertEquals(written(output, json -> json.writeString(DateTimeField.isoFormat(value))),
                written(output, json -> DateTimeField.writeIso(json, value)));
    }

    /** An object's names too, with characters any generator escapes: written as Jackson writes them as text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void anObjectIsWrittenAsJacksonWritesItsNamesAndValues(Output output) throws IOException {
        String[] names = {"title", "caf\u00e9", "a \"quoted\" name", "\u4e2d\u6587", "created_at"};
        OffsetDateTime time = OffsetDateTime.parse("2026-12-05T14:15:35.151094Z");
        Object[] row = {"Post 1", "na\u00efve", "x", "\u4e2d", time};
        ModelSerializer<Object> serializer = ModelSerializer.of(Object.class, Fields.chars(names[0]), Fields.chars(names[1]),
                Fields.chars(names[2]), Fields.chars(names[3]), Fields.dateTime(names[4]));
        assertEquals(written(output, json -> {
            json.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                json.writeStringField(names[i], i == 4 ? DateTimeField.isoFormat(time) : (String) row[i]);
            }
            json.writeEndObject();
        }), written(output, json -> serializer.write(row, 0, json)));
    }

    static Stream<Output> outputs() {
        return Stream.of(OUTPUTS);
    }

    @ParameterizedTest(name = "characters: {0}")
    @MethodSource("texts")
    void aGeneratorOfCharactersWritesWhatJacksonWrites(String text) throws IOException {
        StringWriter expected = new StringWriter();
        StringWriter actual = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(expected)) {
            inAnObject(json, generator -> generator.writeString(text));
        }
        try (JsonGenerator json = JSON.createGenerator(actual)) {
            inAnObject(json, generator -> JsonText.write(generator, text));
        }
        assertEquals(expected.toString(), actual.toString());
    }

    static Stream<String> texts() {
        return Stream.of(TEXTS);
    }

    private interface Write {
        void to(JsonGenerator json) throws IOException;
    }

    /** The text as the second value of an object and of an array in it, so that separators are written too. */
    private static String written(Output output, Write write) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = output.generator().apply(bytes)) {
            inAnObject(json, write);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void inAnObject(JsonGenerator json, Write write) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", 1);
        json.writeFieldName("text");
        write.to(json);
        json.writeArrayFieldStart("texts");
        json.writeString("first");
        write.to(json);
        json.writeEndArray();
        json.writeEndObject();
    }

    private interface Creation {
        JsonGenerator create() throws IOException;
    }

    private static JsonGenerator create(Creation creation) {
        try {
            return creation.create();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
