package dev.portcullis.lambda;

import dev.portcullis.api.PackagedArtifact;
import dev.portcullis.api.PackagedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The event contract against the packaged {@code function.zip}: run by AWS's runtime client as Lambda's Java runtime
 * runs it (or by a native build's bootstrap), in the production profile, given its PostgreSQL and the deployment's
 * settings as environment variables.
 */
class FunctionZipIT extends EventContract {

    /** The first event waits for the function's cold start. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    private static RuntimeApi runtimeApi;
    private static PackagedFunction function;

    @BeforeAll
    static void startFunction() throws Exception {
        runtimeApi = new RuntimeApi();
        Map<String, String> settings = new HashMap<>(new PackagedArtifact().getConfigOverrides());
        settings.putAll(new PackagedDatabase().start());
        // The function does not migrate at start-up: the deployment's step before it, as `migrate` runs it.
        Flyway.configure().dataSource(settings.get("quarkus.datasource.jdbc.url"),
                        settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"))
                .locations("filesystem:src/main/resources/db/migration").load().migrate();
        // The function's own setting (any host API Gateway delivers), not the one the jar's suites run with.
        settings.remove("portcullis.allowed-hosts");
        function = PackagedFunction.start(runtimeApi.address(), settings);
    }

    @AfterAll
    static void stopFunction() throws Exception {
        if (function != null) {
            function.close();
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
    }

    @Override
    Answer invoke(String event) {
        try {
            return Answer.read(runtimeApi.invoke(event, ANSWER_TIMEOUT));
        } catch (Exception e) {
            throw new AssertionError("no answer from the function (target/lambda-function.log): " + e, e);
        }
    }
}
