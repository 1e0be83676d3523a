package dev.interleave.stress.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Broken variants, fixtures and the independent implementation are test code: nothing in a
 * main artifact may reach them, so no broken primitive can ever ship.
 */
class MainCodeIsolationTest {
    private static final DescribedPredicate<JavaClass> TEST_CODE = DescribedPredicate.describe(
            "test code (compiled to test-classes)",
            c -> c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false));

    @Test
    void mainCodeDoesNotDependOnTestCode() {
        JavaClasses all = new ClassFileImporter().importPackages("dev.interleave");
        noClasses().that(DescribedPredicate.not(TEST_CODE)).should().dependOnClassesThat(TEST_CODE).check(all);
    }
}
