package dev.byocfleet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the rooms of CONVENTIONS.md honest. Rules on packages that do not exist yet pass empty. */
@AnalyzeClasses(packages = "dev.byocfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("dev.byocfleet.(*)..")
            .namingSlices("feature $1")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    // The demo generator bulk-loads through store.TableWriter and plain JDBC.
    @ArchTest
    static final ArchRule jdbcOnlyInRepositoriesStoreAndDemo = noClasses()
            .that(not(simpleNameEndingWith("Repository")))
            .and().resideOutsideOfPackages("dev.byocfleet.store..", "dev.byocfleet.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
            .because("SQL lives in repositories and behind store.Dialect (CONVENTIONS.md, SQL and dialects)");

    @ArchTest
    static final ArchRule llmSdksOnlyInLlm = noClasses()
            .that().resideOutsideOfPackage("dev.byocfleet.llm..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.anthropic..", "com.openai..", "org.springframework.ai.chat..")
            .because("every provider sits behind the llm package's interface");

    @ArchTest
    static final ArchRule nothingDependsOnMcp = noClasses()
            .that().resideOutsideOfPackage("dev.byocfleet.mcp..")
            .should().dependOnClassesThat().resideInAPackage("dev.byocfleet.mcp..")
            .because("MCP adapters are thin wrappers over feature services, never a dependency");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic()
            .allowEmptyShould(true)
            .because("a feature exposes one public service and its records (CONVENTIONS.md, Visibility)");

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notBePublic()
            .allowEmptyShould(true)
            .because("other features call services, never repositories (CONVENTIONS.md, Visibility)");
}
