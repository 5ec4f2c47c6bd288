package dev.portcullis.web;

import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * JSON indented as DRF's renderer indents it for the browsable API ({@code json.dumps(indent=4,
 * separators=(',', ': '))}): four spaces a level, every value of an object or a list on its own line, {@code "key": value},
 * and an empty object or list as {@code {}} or {@code []}.
 */
final class PythonIndent {

    private static final DefaultIndenter FOUR_SPACES = new DefaultIndenter("    ", "\n");

    private PythonIndent() {
    }

    static PrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(FOUR_SPACES);
        printer.indentArraysWith(FOUR_SPACES);
        return printer;
    }
}
