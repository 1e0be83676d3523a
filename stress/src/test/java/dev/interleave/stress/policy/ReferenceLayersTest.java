package dev.interleave.stress.policy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference primitives keep their layers (CONTRACT.md, "How the reference is built"). */
class ReferenceLayersTest {
    private static JavaClasses reference;

    @BeforeAll
    static void importReference() {
        reference = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.interleave.primitives");
    }

    static Stream<ArchRule> layer1() {
        return ReferenceLayers.layer1().stream();
    }

    static Stream<ArchRule> layer2() {
        return ReferenceLayers.layer2().stream();
    }

    static Stream<ArchRule> layer3() {
        return ReferenceLayers.layer3().stream();
    }

    @DisplayName("layer 1 (locks): atomics and park/unpark only")
    @ParameterizedTest(name = "{0}")
    @MethodSource("layer1")
    void layer1UsesOnlyAtomicsAndParking(ArchRule rule) {
        rule.check(reference);
    }

    @DisplayName("layer 2 (event, semaphore, barrier, queue, timer): layer 1 only")
    @ParameterizedTest(name = "{0}")
    @MethodSource("layer2")
    void layer2UsesOnlyLayer1(ArchRule rule) {
        rule.check(reference);
    }

    @DisplayName("layer 3 (pipe): the queue only")
    @ParameterizedTest(name = "{0}")
    @MethodSource("layer3")
    void layer3UsesOnlyTheQueue(ArchRule rule) {
        rule.check(reference);
    }
}
