package dev.portcullis.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers depend one way — {@code cli} → {@code api} → {@code viewsets} → {@code domain} → {@code accounts} →
 * {@code security},
 * with {@code web} beside {@code api} — and the {@code security} packages know nothing of the application, so
 * that they could become an extension of their own. Benchmark endpoints exist only in the benchmark build.
 */
class LayersTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis");

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }

    @Test
    void securityKnowsNothingOfTheApplication() {
        check(noClasses().that().resideInAPackage("dev.portcullis.security..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.accounts..", "dev.portcullis.api..",
                        "dev.portcullis.domain..", "dev.portcullis.web..", "dev.portcullis.cli..", "dev.portcullis.bench.."));
    }

    @Test
    void accountsSitOnSecurityOnly() {
        check(noClasses().that().resideInAPackage("dev.portcullis.accounts..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.api..", "dev.portcullis.domain..",
                        "dev.portcullis.web..", "dev.portcullis.viewsets..", "dev.portcullis.cli..", "dev.portcullis.bench.."));
    }

    @Test
    void theDatabaseCircuitKnowsOnlyTheDatabase() {
        check(noClasses().that().resideInAPackage("dev.portcullis.database..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.accounts..", "dev.portcullis.api..",
                        "dev.portcullis.domain..", "dev.portcullis.web..", "dev.portcullis.viewsets..",
                        "dev.portcullis.cli..", "dev.portcullis.bench..", "dev.portcullis.security.guard.."));
    }

    @Test
    void viewsetsKnowNoResourceNorCommand() {
        check(noClasses().that().resideInAPackage("dev.portcullis.viewsets..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.api..", "dev.portcullis.domain..",
                        "dev.portcullis.cli..", "dev.portcullis.bench.."));
    }

    @Test
    void theDomainKnowsNoEndpoint() {
        check(noClasses().that().resideInAPackage("dev.portcullis.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.api..", "dev.portcullis.web..",
                        "dev.portcullis.viewsets..", "dev.portcullis.cli..", "dev.portcullis.bench.."));
    }

    @Test
    void webIsTheErrorAndBodyLayerOnly() {
        check(noClasses().that().resideInAPackage("dev.portcullis.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.accounts..", "dev.portcullis.api..",
                        "dev.portcullis.domain..", "dev.portcullis.cli..", "dev.portcullis.bench.."));
    }

    @Test
    void theApiDoesNotReachIntoCommandsOrBenchmarks() {
        check(noClasses().that().resideInAPackage("dev.portcullis.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.cli..", "dev.portcullis.bench.."));
    }

    /**
     * Hibernate keys a native query's plan by its SQL and result mapping, and a result class such as {@code Long}
     * makes a mapping that equals no other: every execution then adds a plan that is never found again, all under
     * one hash, until the plan cache is full of them, each lookup compares them one by one, and the plans of the
     * other queries are pushed out. Native queries return untyped rows.
     */
    @Test
    void nativeQueriesTakeNoResultClass() {
        check(noClasses().should().callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class));
    }

    @Test
    void benchmarkEndpointsExistOnlyInTheBenchmarkBuild() {
        check(classes().that().resideInAPackage("dev.portcullis.bench..").and().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(IfBuildProfile.class));
        check(noClasses().that().resideOutsideOfPackage("dev.portcullis.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.bench.."));
    }
}
