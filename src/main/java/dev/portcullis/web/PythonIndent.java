package dev.portcullis.web;

import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * JSON indented as DRF's renderer indents it ({@code json.dumps(indent=n, separators=(',', ': '))}), four spaces a
 * level on the browsable page: every value of an object or a list on its own line, {@code "key": value}, and an empty
 * object or list as {@code {}} or {@code []}.
 */
final class PythonIndent {

    private static final int PAGE = 4;

    private PythonIndent() {
    }

    /** As DRF's browsable page indents: four spaces. */
    static PrettyPrinter printer() {
        return printer(PAGE);
    }

    /** {@code json.dumps(indent=spaces)}. */
    static PrettyPrinter printer(int spaces) {
        DefaultIndenter indenter = new DefaultIndenter(" ".repeat(spaces), "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
