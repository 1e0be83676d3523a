package dev.interleave.stress.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The broken variants of the kill matrix ({@code dev.interleave.stress.broken}) are test
 * fixtures: no main class lives in their package or reaches them, so no broken primitive can be
 * shipped, loaded by the grader as a default, or mistaken for part of the battery.
 */
class BrokenVariantsStayInTestsTest {
    private static final String BROKEN = "dev.interleave.stress.broken..";

    private static final DescribedPredicate<JavaClass> MAIN_CODE = DescribedPredicate.describe(
            "main code (not compiled to test-classes)",
            c -> c.getSource().map(s -> !s.getUri().toString().contains("/test-classes/")).orElse(true));

    private final JavaClasses all = new ClassFileImporter().importPackages("dev.interleave");

    @Test
    void noMainClassDependsOnABrokenVariant() {
        noClasses().that(MAIN_CODE).should().dependOnClassesThat().resideInAPackage(BROKEN).check(all);
    }

    @Test
    void noMainClassLivesAmongTheBrokenVariants() {
        noClasses().that(MAIN_CODE).should().resideInAPackage(BROKEN).allowEmptyShould(true).check(all);
    }
}
