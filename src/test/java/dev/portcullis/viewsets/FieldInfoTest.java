package dev.portcullis.viewsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What OPTIONS says of each kind of field, as DRF 3.14's {@code SimpleMetadata.get_field_info} says it of the same
 * field (tools/drf/metadata.py asks DRF for every row): its type, flags, label and bounds. An integer field that
 * declares no bounds has its column's, as a model's integer field has on PostgreSQL.
 */
class FieldInfoTest {

    private static final Map<String, Field<?>> FIELDS = Map.ofEntries(
            Map.entry("char", Fields.chars("title").maxLength(5)),
            Map.entry("char-labelled", Fields.chars("title").maxLength(5).label("Headline")
                    .helpText("What a list shows.")),
            Map.entry("char-bounds", Fields.chars("nick_name").minLength(2).maxLength(30).allowBlank().optional()),
            Map.entry("char-read-only", Fields.chars("title").maxLength(5).readOnly()),
            Map.entry("email", Fields.email("email")),
            Map.entry("url", Fields.url("home_page").optional()),
            Map.entry("integer", Fields.integer("count").minValue(-10).maxValue(1000)),
            Map.entry("integer-column", Fields.integer("count")),
            Map.entry("decimal", Fields.decimal("price", 5, 2)),
            Map.entry("boolean", Fields.bool("done").optional()),
            Map.entry("datetime", Fields.dateTime("created_at")),
            Map.entry("date", Fields.date("due").allowNull()),
            Map.entry("time", Fields.time("at")),
            Map.entry("uuid", Fields.uuid("key")),
            Map.entry("choice", Fields.choice("state", "draft", "sent", "1")),
            Map.entry("choice-read-only", Fields.choice("state", "draft", "sent").readOnly()),
            Map.entry("read-only-path", Fields.readOnly("owner").source("owner.username")),
            Map.entry("current-user", Fields.currentUser("owner")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "char            |{'type': 'string', 'required': true, 'read_only': false, 'label': 'Title', 'max_length': 5}",
            "char-labelled   |{'type': 'string', 'required': true, 'read_only': false, 'label': 'Headline', 'help_text': 'What a list shows.', 'max_length': 5}",
            "char-bounds     |{'type': 'string', 'required': false, 'read_only': false, 'label': 'Nick name', 'min_length': 2, 'max_length': 30}",
            "char-read-only  |{'type': 'string', 'required': false, 'read_only': true, 'label': 'Title'}",
            "email           |{'type': 'email', 'required': true, 'read_only': false, 'label': 'Email'}",
            "url             |{'type': 'url', 'required': false, 'read_only': false, 'label': 'Home page'}",
            "integer         |{'type': 'integer', 'required': true, 'read_only': false, 'label': 'Count', 'min_value': -10, 'max_value': 1000}",
            "integer-column  |{'type': 'integer', 'required': true, 'read_only': false, 'label': 'Count', 'min_value': -9223372036854775808, 'max_value': 9223372036854775807}",
            "decimal         |{'type': 'decimal', 'required': true, 'read_only': false, 'label': 'Price'}",
            "boolean         |{'type': 'boolean', 'required': false, 'read_only': false, 'label': 'Done'}",
            "datetime        |{'type': 'datetime', 'required': true, 'read_only': false, 'label': 'Created at'}",
            "date            |{'type': 'date', 'required': true, 'read_only': false, 'label': 'Due'}",
            "time            |{'type': 'time', 'required': true, 'read_only': false, 'label': 'At'}",
            "uuid            |{'type': 'string', 'required': true, 'read_only': false, 'label': 'Key'}",
            "choice          |{'type': 'choice', 'required': true, 'read_only': false, 'label': 'State', 'choices': [{'value': 'draft', 'display_name': 'draft'}, {'value': 'sent', 'display_name': 'sent'}, {'value': '1', 'display_name': '1'}]}",
            "choice-read-only|{'type': 'choice', 'required': false, 'read_only': true, 'label': 'State'}",
            "read-only-path  |{'type': 'field', 'required': false, 'read_only': true, 'label': 'Owner'}",
            "current-user    |{'type': 'field', 'required': false, 'read_only': true, 'label': 'Owner'}",
    })
    void eachFieldIsDescribedAsDrfDescribesIt(String kind, String expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        // As text, so that the order of the keys is DRF's too.
        assertEquals(json.readTree(expected.replace('\'', '"')).toString(),
                json.writeValueAsString(FieldInfo.of(FIELDS.get(kind.strip()))));
    }
}
