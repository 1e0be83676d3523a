package dev.interleave.reports;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The modules are layers: primitives, then stress, then scenarios, then reports. Each may use
 * only the layers below it, so the contract jar a student compiles against never drags the
 * harness along, and the battery never depends on how it is reported.
 */
class ModuleLayersTest {

    @Test
    void eachModuleUsesOnlyTheModulesBelowIt() {
        JavaClasses all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.interleave");
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("primitives").definedBy("dev.interleave.primitives..")
                .layer("stress").definedBy("dev.interleave.stress..")
                .layer("scenarios").definedBy("dev.interleave.scenarios..")
                .layer("reports").definedBy("dev.interleave.reports..")
                .whereLayer("reports").mayNotBeAccessedByAnyLayer()
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("reports")
                .whereLayer("stress").mayOnlyBeAccessedByLayers("scenarios", "reports")
                .withOptionalLayers(true)
                .check(all);
    }
}
