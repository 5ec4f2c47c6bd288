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

    private static final Map<String, Field<?>> FIELDS = Map.of(
            "char", Fields.chars("f").maxLength(5),
            "char-blank", Fields.chars("f").allowBlank(),
            "email", Fields.email("f"),
            "integer", Fields.integer("f").minValue(-10).maxValue(1000),
            "decimal", Fields.decimal("f", 5, 2),
            "boolean", Fields.bool("f"),
            "datetime", Fields.dateTime("f"),
            "choice", Fields.choice("f", "draft", "sent", "1"));

    @ParameterizedTest(name = "{0} reads {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "char      |\"abc\"               |abc",
            "char      |\"  abc \\t\"         |abc",
            "char      |\"\\u00a0abc\"        |abc",
            "char      |12                   |12",
            "char      |1.5                  |1.5",
            "char      |true                 |!Not a valid string.",
            "char      |[\"a\"]              |!Not a valid string.",
            "char      |\"\"                 |!This field may not be blank.",
            "char      |\"   \"              |!This field may not be blank.",
            "char      |\"abcdef\"           |!Ensure this field has no more than 5 characters.",
            "char      |\"a\\u0000b\"        |!Null characters are not allowed.",
            "char-blank|\"  \"               |''",
            "email     |\"a@example.com\"    |a@example.com",
            "email     |\"not-an-address\"   |!Enter a valid email address.",
            "integer   |7                    |7",
            "integer   |\"7\"                |7",
            "integer   |\" 7 \"              |7",
            "integer   |7.0                  |7",
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
            }
        } catch (Field.Invalid invalid) {
            read = "!" + String.join(" ", invalid.messages());
        }
        assertEquals(expected.replace("WRONG_FORMAT", WRONG_FORMAT), String.valueOf(read));
    }
}
