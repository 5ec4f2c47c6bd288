package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each field type's reading of a JSON value, as DRF 3.14 reads it: the value it stores, or DRF's message. Every
 * expectation was asked of DRF's own fields ({@code serializers.XField(...).run_validation(value)}).
 */
class FieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG_FORMAT = "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
    private static final String DATE_FORMAT = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
    private static final String TIME_FORMAT = "Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].";

    private static final Map<String, Field<?>> FIELDS = Map.ofEntries(
            Map.entry("char", Fields.chars("f").maxLength(5)),
            Map.entry("char-blank", Fields.chars("f").allowBlank()),
            Map.entry("email", Fields.email("f")),
            Map.entry("url", Fields.url("f")),
            Map.entry("integer", Fields.integer("f").minValue(-10).maxValue(1000)),
            Map.entry("decimal", Fields.decimal("f", 5, 2)),
            Map.entry("boolean", Fields.bool("f")),
            Map.entry("datetime", Fields.dateTime("f")),
            Map.entry("date", Fields.date("f")),
            Map.entry("time", Fields.time("f")),
            Map.entry("uuid", Fields.uuid("f")),
            Map.entry("choice", Fields.choice("f", "draft", "sent", "1")));

    @ParameterizedTest(name = "{0} reads {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "char      |\"abc\"               |abc",
            "char      |\"  abc \\t\"         |abc",
            "char      |\"\\u00a0abc\"        |abc",
            "char      |12                   |12",
            "char      |1.5                  |1.5",
            "char      |1e20                 |1e+20",
            "char      |1e400                |inf",
            "char      |0.00001              |1e-05",
            "char-blank|0.0001               |0.0001",
            "char      |1e2                  |100.0",
            "char      |-0.0                 |-0.0",
            "char-blank|123456789012345678901234567890|123456789012345678901234567890",
            "char-blank|1.2345678901234568e20|1.2345678901234568e+20",
            "char-blank|1234567890123456.0   |1234567890123456.0",
            "char      |true                 |!Not a valid string.",
            "char      |[\"a\"]              |!Not a valid string.",
            "char      |\"\"                 |!This field may not be blank.",
            "char      |\"   \"              |!This field may not be blank.",
            "char      |\"abcdef\"           |!Ensure this field has no more than 5 characters.",
            "char      |\"a\\u0000b\"        |!Null characters are not allowed.",
            "char-blank|\"  \"               |''",
            "email     |\"a@example.com\"    |a@example.com",
            "email     |\"not-an-address\"   |!Enter a valid email address.",
            "email     |\"A.B+c@Example.COM\"|A.B+c@Example.COM",
            "email     |\"\\\"><svg/onload=alert(1)>@x.com\"|!Enter a valid email address.",
            "email     |\"\\\"quoted\\\"@example.com\"|\"quoted\"@example.com",
            "email     |\"user@localhost\"   |user@localhost",
            "email     |\"user@[127.0.0.1]\" |user@[127.0.0.1]",
            "email     |\"user@[::1]\"       |user@[::1]",
            "email     |\"user@[1.2.3]\"     |!Enter a valid email address.",
            "email     |\"user@-example.com\"|!Enter a valid email address.",
            "email     |\"user@example.c\"   |!Enter a valid email address.",
            "email     |\"user@m\u00fcnchen.de\"|user@m\u00fcnchen.de",
            "email     |\"a@b@example.com\"  |!Enter a valid email address.",
            "url       |\"https://example.com/path?q=1\"|https://example.com/path?q=1",
            "url       |\"http://localhost:8000/\"|http://localhost:8000/",
            "url       |\"HTTP://[::1]:80/\"  |HTTP://[::1]:80/",
            "url       |\"ftp://user:pass@example.org\"|ftp://user:pass@example.org",
            "url       |\" http://example.com \"|http://example.com",
            "url       |\"javascript:alert(1)\"|!Enter a valid URL.",
            "url       |\"http://256.1.1.1/\" |!Enter a valid URL.",
            "url       |\"http://exa mple.com\"|!Enter a valid URL.",
            "url       |\"http://[1::2::3]/\" |!Enter a valid URL.",
            "url       |\"mailto:a@example.com\"|!Enter a valid URL.",
            "date      |\"2026-1-5\"         |2026-01-05",
            "date      |\"2026-02-30\"       |!DATE_FORMAT",
            "date      |\"2026-01-05T00:00\" |!DATE_FORMAT",
            "date      |20260105             |!DATE_FORMAT",
            "date      |\"\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0665\"|2026-01-05",
            "date      |\"2026-01-05\\n\"     |2026-01-05",
            "date      |\"2026-01-05\\n\\n\"   |!DATE_FORMAT",
            "date      |\"0000-01-05\"       |!DATE_FORMAT",
            "time      |\"12:30\"            |12:30:00",
            "time      |\"7:05:09.5\"        |07:05:09.500000",
            "time      |\"12:30+02:00\"      |12:30:00",
            "time      |\"25:00\"            |!TIME_FORMAT",
            "time      |\"noon\"             |!TIME_FORMAT",
            "time      |1230                 |!TIME_FORMAT",
            "time      |\"\u0661\u0662:\u0663\u0660\"|12:30:00",
            "uuid      |\"12345678-1234-5678-1234-567812345678\"|12345678-1234-5678-1234-567812345678",
            "uuid      |\"{ABCDEF0012345678ABCDEF0012345678}\"|abcdef00-1234-5678-abcd-ef0012345678",
            "uuid      |\"urn:uuid:12345678-1234-5678-1234-567812345678\"|12345678-1234-5678-1234-567812345678",
            "uuid      |1                    |00000000-0000-0000-0000-000000000001",
            "uuid      |true                 |00000000-0000-0000-0000-000000000001",
            "uuid      |\"1234\"             |!Must be a valid UUID.",
            "uuid      |-1                   |!Must be a valid UUID.",
            "uuid      |[]                   |!Must be a valid UUID.",
            "integer   |7                    |7",
            "integer   |\"7\"                |7",
            "integer   |\" 7 \"              |7",
            "integer   |7.0                  |7",
            "integer   |1e2                  |100",
            "integer   |1e7                  |!Ensure this value is less than or equal to 1000.",
            "integer   |\"7.00\"             |7",
            "integer   |\"1_0\"              |10",
            "integer   |7.5                  |!A valid integer is required.",
            "integer   |true                 |!A valid integer is required.",
            "integer   |\"seven\"            |!A valid integer is required.",
            "integer   |1001                 |!Ensure this value is less than or equal to 1000.",
            "integer   |-11                  |!Ensure this value is greater than or equal to -10.",
            "decimal   |12.5                 |12.50",
            "decimal   |\"12.5\"             |12.50",
            "decimal   |\" 1e2 \"            |100.00",
            "decimal   |100.0                |100.00",
            "decimal   |\"123.45\"           |123.45",
            "decimal   |\"1234.5\"           |!Ensure that there are no more than 3 digits before the decimal point.",
            "decimal   |\"0.001\"            |!Ensure that there are no more than 2 decimal places.",
            "decimal   |\"123456\"           |!Ensure that there are no more than 5 digits in total.",
            "decimal   |true                 |!A valid number is required.",
            "decimal   |\"Infinity\"         |!A valid number is required.",
            "decimal   |\"nan\"              |!A valid number is required.",
            "decimal   |\"\"                 |!A valid number is required.",
            "boolean   |true                 |true",
            "boolean   |\"yes\"              |true",
            "boolean   |0                    |false",
            "boolean   |\"off\"              |false",
            "boolean   |\"maybe\"            |!Must be a valid boolean.",
            "boolean   |2                    |!Must be a valid boolean.",
            "datetime  |\"2026-11-30T12:00:00Z\"          |2026-11-30T12:00:00Z",
            "datetime  |\"2026-11-30 12:00\"              |2026-11-30T12:00:00Z",
            "datetime  |\"2026-11-30T12:00:00.1234567+02:00\"|2026-11-30T10:00:00.123456Z",
            "datetime  |\"2026-02-30T12:00:00Z\"          |!WRONG_FORMAT",
            "datetime  |\"2026-11-30\"                    |!WRONG_FORMAT",
            "datetime  |1700000000                        |!WRONG_FORMAT",
            "datetime  |\"2026-11-30T12:00:00 +02:00\"    |!WRONG_FORMAT",
            "datetime  |\"2026-11-30T12:00\\n\"           |2026-11-30T12:00:00Z",
            "datetime  |\"2026-11-30T12:00+01:99\"        |2026-11-30T09:21:00Z",
            "datetime  |\"2026-11-30T12:00-2359\"         |2026-12-01T11:59:00Z",
            "datetime  |\"2026-11-30T12:00+24:00\"        |!WRONG_FORMAT",
            "datetime  |\"0000-11-30T12:00Z\"             |!WRONG_FORMAT",
            "datetime  |\"0001-01-01T00:30+01:00\"        |!Datetime value out of range.",
            "datetime  |\"9999-12-31T23:59:59-01:00\"     |!Datetime value out of range.",
            "datetime  |\"\u0662\u0660\u0662\u0666-\u0661\u0661-\u0663\u0660T\u0661\u0662:\u0660\u0660Z\"|2026-11-30T12:00:00Z",
            "choice    |\"sent\"             |sent",
            "choice    |1                    |1",
            "choice    |\"lost\"             |!\"lost\" is not a valid choice.",
            "choice    |true                 |!\"True\" is not a valid choice.",
    })
    void readsAsDrfReads(String kind, String json, String expected) throws Exception {
        JsonNode data = JSON.readTree(json);
        Object read;
        try {
            read = FIELDS.get(kind).toInternalValue(data);
            if (read instanceof java.time.OffsetDateTime time) {
                read = DateTimeField.isoFormat(time);
            } else if (read instanceof java.time.LocalTime time) {
                java.io.StringWriter written = new java.io.StringWriter();
                try (com.fasterxml.jackson.core.JsonGenerator generator = JSON.getFactory().createGenerator(written)) {
                    FIELDS.get(kind).write(generator, time);
                }
                read = JSON.readTree(written.toString()).textValue();
            }
        } catch (Field.Invalid invalid) {
            read = "!" + String.join(" ", invalid.messages());
        }
        assertEquals(expected.replace("WRONG_FORMAT", WRONG_FORMAT).replace("DATE_FORMAT", DATE_FORMAT)
                .replace("TIME_FORMAT", TIME_FORMAT), String.valueOf(read));
    }
}
