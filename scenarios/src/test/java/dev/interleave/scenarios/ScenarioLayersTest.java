package dev.interleave.scenarios;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The scenarios module's layers: recordings at the bottom, then the detectors, the explorer,
 * the verdicts ({@link Case}) and the lecture's scenarios on top; and no scenario may reach
 * into the reference implementation: every scenario runs against {@code Primitives.load()}.
 */
class ScenarioLayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.interleave.scenarios");

    @Test
    void layersUseOnlyTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("record").definedBy("dev.interleave.scenarios.record..")
                .layer("detect").definedBy("dev.interleave.scenarios.detect..")
                .layer("explore").definedBy("dev.interleave.scenarios.explore..")
                .layer("verdicts").definedBy("dev.interleave.scenarios")
                .layer("processes").definedBy("dev.interleave.scenarios.processes..")
                .layer("lecture").definedBy("dev.interleave.scenarios.lecture..")
                .whereLayer("lecture").mayNotBeAccessedByAnyLayer()
                .whereLayer("verdicts").mayOnlyBeAccessedByLayers("lecture")
                .whereLayer("processes").mayOnlyBeAccessedByLayers("lecture")
                .whereLayer("explore").mayOnlyBeAccessedByLayers("verdicts", "lecture")
                .whereLayer("detect").mayOnlyBeAccessedByLayers("explore", "verdicts", "lecture")
                .whereLayer("record").mayOnlyBeAccessedByLayers("detect", "explore", "verdicts", "lecture")
                .check(MAIN);
    }

    @Test
    void scenariosNeverUseTheReferenceImplementation() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.interleave.primitives.reference..")
                .because("every scenario runs against Primitives.load(), whatever implementation that is")
                .check(MAIN);
    }
}
