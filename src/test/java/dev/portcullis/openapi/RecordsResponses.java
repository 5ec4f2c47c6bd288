package dev.portcullis.openapi;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a conformance suite: while its tests run, {@link ObservedResponses} records every answer the service gives,
 * for {@code ObservedResponsesIT} to find in the OpenAPI document. (A system property: the suite and the service it
 * talks to share the JVM, not a class loader.)
 */
public class RecordsResponses implements BeforeAllCallback, AfterAllCallback {

    static final String RECORDING = "portcullis.test.recording-responses";

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(RECORDING, context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(RECORDING);
    }
}
